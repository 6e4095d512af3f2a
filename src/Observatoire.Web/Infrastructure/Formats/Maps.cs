using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// One zone of a map: a quartier (or a commune without quartiers). <paramref name="Class"/> is 0 for none, 1 to 5 for
/// the value's class, <see cref="Maps.Hidden"/> for a count too small to publish. <paramref name="Label"/> is the
/// territory as people read it; <paramref name="Name"/> and <paramref name="Commune"/> are written on two lines in the
/// schematic cell; <paramref name="Accessible"/> names the zone, figure included.
/// </summary>
public sealed record MapArea(string Label, string Name, string? Commune, string Accessible, int Class, string Display, string? Href,
    Geometry? Contour, int Row, int Column);

/// <summary>
/// Choropleth maps as inline SVG written by hand, like <see cref="Charts"/>: presentation attributes only (strict CSP),
/// nothing fetched from anywhere. Contours (GeoJSON in longitude/latitude) are drawn with a local equirectangular
/// projection, good enough at the scale of a town; without contours, each zone is one equal cell of a grid.
/// </summary>
public static class Maps
{
    public const int Hidden = 6;
    public const int Classes = 5;
    private const int MaxSize = 560;
    private const int CellWidth = 112;
    private const int CellHeight = 64;
    private const int Gap = 4;
    private const int MaxName = 16;

    /// <summary>Fill of class 0 (none), 1 to 5, then the hatching of <see cref="Hidden"/>; dark classes get white text.</summary>
    private static readonly string[] Fills = ["#f4f4f4", "#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08306b", "url(#carte-hachures)"];

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A GeoJSON geometry read back (as stored on a territory), or null when it is not a (multi)polygon.</summary>
    public static Geometry? ReadGeometry(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<Geometry>(json, GeoJson) is { } g && g is Polygon or MultiPolygon ? g : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string WriteGeometry(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJson);

    public static JsonSerializerOptions GeoJsonOptions => GeoJson;

    /// <summary>
    /// The map. On a page (<paramref name="label"/> null) it is a group named by <paramref name="labelledBy"/> whose zones
    /// are links, each named « Sanitas (Tours) : 12 observations »; in a document (<paramref name="label"/> given) it is one
    /// image with that alternative text.
    /// </summary>
    public static IHtmlContent Svg(IReadOnlyList<MapArea> areas, bool geographic, string? labelledBy, string? label = null)
    {
        var body = new StringBuilder();
        var (width, height) = geographic ? DrawContours(body, areas, label is null) : DrawGrid(body, areas, label is null);
        var accessibility = label is null ? $"role=\"group\" aria-labelledby=\"{labelledBy}\"" : $"role=\"img\" aria-label=\"{E(label)}\"";
        return new HtmlString(
            $"""<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" {accessibility}>""" +
            """<defs><pattern id="carte-hachures" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#595959" stroke-width="2"/></pattern></defs>""" +
            body + "</svg>");
    }

    /// <summary>The legend as a list, a swatch before each class's text (the same swatches as the zones).</summary>
    public static IHtmlContent Legend(IEnumerable<(int Class, string Text)> entries)
    {
        var sb = new StringBuilder("<ul class=\"map-legend\">");
        foreach (var (c, text) in entries)
            sb.Append($"""<li><svg class="map-swatch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true" focusable="false">""")
                .Append(c == Hidden ? """<defs><pattern id="carte-hachures-legende" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#595959" stroke-width="2"/></pattern></defs>""" : "")
                .Append($"""<rect x="0.5" y="0.5" width="19" height="13" fill="{(c == Hidden ? "url(#carte-hachures-legende)" : Fills[c])}" stroke="#595959"/></svg> {E(text)}</li>""");
        return new HtmlString(sb.Append("</ul>").ToString());
    }

    private static (int Width, int Height) DrawGrid(StringBuilder sb, IReadOnlyList<MapArea> areas, bool links)
    {
        var columns = areas.Select(a => a.Column).DefaultIfEmpty(1).Max();
        var rows = areas.Select(a => a.Row).DefaultIfEmpty(1).Max();
        foreach (var a in areas)
        {
            var x = (a.Column - 1) * (CellWidth + Gap);
            var y = (a.Row - 1) * (CellHeight + Gap);
            var ink = a.Class is 4 or 5 ? "#ffffff" : "#1a1a1a";
            var shape = new StringBuilder();
            shape.Append($"""<title>{E(a.Accessible)}</title>""");
            shape.Append($"""<rect class="map-zone" x="{x}" y="{y}" width="{CellWidth}" height="{CellHeight}" rx="3" fill="{Fills[a.Class]}" stroke="#595959"/>""");
            var textBack = a.Class == Hidden ? $"""<rect x="{x + 4}" y="{y + 4}" width="{CellWidth - 8}" height="{CellHeight - 8}" fill="#ffffff" opacity="0.85"/>""" : "";
            shape.Append(textBack);
            // Name and commune as two lines of one text, separated by a space: read as « Centre (Tours) ».
            shape.Append($"""<text class="map-name" x="{x + 6}" y="{y + 18}" fill="{(a.Class == Hidden ? "#1a1a1a" : ink)}"><tspan>{E(Shorten(a.Name))}</tspan>""");
            if (a.Commune is not null) shape.Append($""" <tspan x="{x + 6}" dy="15">({E(Shorten(a.Commune))})</tspan>""");
            shape.Append("</text>");
            // The leading space is not drawn, but it keeps the zone's text read as « Tours 0 », not « Tours0 »: a link's
            // visible text must be part of its name (axe's label-content-name-mismatch, found by the crawler).
            shape.Append($"""<text class="map-value" x="{x + 6}" y="{y + 54}" fill="{(a.Class == Hidden ? "#1a1a1a" : ink)}"> {E(a.Display)}</text>""");
            Zone(sb, a, shape.ToString(), links);
        }
        return (Math.Max(1, columns * (CellWidth + Gap) - Gap), Math.Max(1, rows * (CellHeight + Gap) - Gap));
    }

    private static (int Width, int Height) DrawContours(StringBuilder sb, IReadOnlyList<MapArea> areas, bool links)
    {
        var drawn = areas.Where(a => a.Contour is not null).ToList();
        var envelope = new Envelope();
        foreach (var a in drawn) envelope.ExpandToInclude(a.Contour!.EnvelopeInternal);
        if (envelope.IsNull) return (1, 1);
        // Local equirectangular projection: a degree of longitude shrinks with the cosine of the latitude.
        var cos = Math.Cos((envelope.MinY + envelope.MaxY) / 2 * Math.PI / 180);
        var spanX = Math.Max(envelope.Width * cos, 1e-9);
        var spanY = Math.Max(envelope.Height, 1e-9);
        var scale = MaxSize / Math.Max(spanX, spanY);
        var width = Math.Max(1, (int)Math.Ceiling(spanX * scale));
        var height = Math.Max(1, (int)Math.Ceiling(spanY * scale));
        foreach (var a in drawn)
        {
            var d = new StringBuilder();
            for (var i = 0; i < a.Contour!.NumGeometries; i++)
                if (a.Contour.GetGeometryN(i) is Polygon p)
                {
                    Ring(d, p.ExteriorRing.Coordinates);
                    foreach (var hole in p.InteriorRings) Ring(d, hole.Coordinates);
                }
            Zone(sb, a, $"""<title>{E(a.Accessible)}</title><path class="map-zone" d="{d}" fill="{Fills[a.Class]}" fill-rule="evenodd" stroke="#404040" stroke-width="1"/>""", links);
        }
        return (width, height);

        void Ring(StringBuilder d, Coordinate[] ring)
        {
            var last = "";
            foreach (var c in ring)
            {
                var point = string.Create(CultureInfo.InvariantCulture,
                    $"{(c.X - envelope.MinX) * cos * scale:0.#},{(envelope.MaxY - c.Y) * scale:0.#}");
                if (point == last) continue;   // points closer than a tenth of a pixel add nothing
                d.Append(last.Length == 0 ? "M" : "L").Append(point);
                last = point;
            }
            d.Append('Z');
        }
    }

    /// <summary>A zone: a link on a page (focusable, named), a plain group in a document; its class says its colour class.</summary>
    private static void Zone(StringBuilder sb, MapArea a, string shape, bool links)
    {
        var css = $"map-area {(a.Class == Hidden ? "map-masque" : $"map-c{a.Class}")}";
        sb.Append(links && a.Href is not null
            ? $"""<a class="{css}" href="{E(a.Href)}" aria-label="{E(a.Accessible)}">{shape}</a>"""
            : links ? $"""<g class="{css}" tabindex="0" role="img" aria-label="{E(a.Accessible)}">{shape}</g>"""
            : $"""<g class="{css}">{shape}</g>""");
    }

    private static string Shorten(string text) => text.Length <= MaxName ? text : text[..(MaxName - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
