using System.Buffers;
using System.Globalization;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on 127.0.0.1 and a free port: it keeps every message
/// it accepts, parsed by MimeKit. <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and up again on the
/// same port, as a mail server that is away for a while.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;

    public int Port { get; } = TestPostgres.FreeTcpPort();
    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    /// <summary>The portal's settings that send to this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Observatoire:Smtp:Host"] = "127.0.0.1",
        ["Observatoire:Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Observatoire:Smtp:UseStartTls"] = "false",
        ["Observatoire:Smtp:From"] = "observatoire@test.fr",
    };

    public static async Task<TestSmtpServer> StartNewAsync()
    {
        var server = new TestSmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(CancellationToken.None);
        // Listening starts in the background: wait until the port answers.
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _server.ShutdownTask;
        _server = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : IMessageStore
    {
        public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
