# syntax=docker/dockerfile:1
# The portal in a container: docker compose up (see docker-compose.yml). The image holds what docs/deploy.md installs
# without Docker: the output of dotnet publish -c Release, started from its own folder in Production, configured by
# the same environment variables (ConnectionStrings__Observatoire, Observatoire__…).

# --- Build: restore first (cached while no project file changes), then publish ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Observatoire.Web/Observatoire.Web.csproj src/Observatoire.Web/
RUN dotnet restore src/Observatoire.Web/Observatoire.Web.csproj
COPY src/Observatoire.Web/ src/Observatoire.Web/
RUN dotnet publish src/Observatoire.Web/Observatoire.Web.csproj -c Release -o /app --no-restore

# --- Runtime ---
# The .NET 10 aspnet image is Ubuntu 24.04, whose "chromium" package is only a snap stub that cannot run in a
# container. PDF syntheses need a real Chromium, so the runtime is Debian 12 (as on the developers' machines and CI)
# with Debian's Chromium, and the ASP.NET Core runtime copied from the official aspnet image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates libicu72 libssl3 tzdata curl \
        chromium fonts-dejavu-core fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && useradd --system --uid 1654 --create-home --home-dir /home/app app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=1 \
    TZ=Europe/Paris
# The portal refuses to start outside the folder holding its wwwroot: WORKDIR is that folder.
WORKDIR /app
COPY --from=build /app ./
USER app
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
    CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Observatoire.Web.dll"]
