using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Studio;

/// <summary>
/// Which requests are Studio's static files, and how they are answered: the package's precompressed siblings
/// (<c>x.wasm.br</c>, <c>x.wasm.gz</c>) when the browser accepts them, the content type of the original file,
/// a year's cache only for fingerprinted names. Anonymous on purpose: the files are the public npm package and
/// hold no data, and serving them ahead of authentication spares the ~157 requests of one page load the sign-in
/// cookie's per-request account lookup. The pages that host them (<see cref="StudioController"/>) need sign-in.
/// </summary>
public static partial class StudioAssets
{
    /// <summary>Where Studio lives; each page's <c>&lt;base href&gt;</c>, so the package's relative URLs land here.</summary>
    public static readonly PathString Base = new("/studio");

    private static readonly PathString Framework = new("/studio/_framework");
    private static readonly PathString Content = new("/studio/_content");

    /// <summary>The only file of the package's root a page needs (its index.html, stale and calling Google Fonts, is not served).</summary>
    internal const string Stylesheet = "Elsa.Studio.Host.CustomElements.styles.css";

    /// <summary>Blazor's boot fetches <c>../appsettings.json</c> from <c>_framework</c>; answered with Itsm's own (see <see cref="AppSettingsJson"/>).</summary>
    internal const string AppSettings = "appsettings.json";

    /// <summary>
    /// The runtime's configuration. The package's own names <c>https://localhost:5001</c>, which this host never uses
    /// (<c>elsa-backend-provider</c> sets the API root); logging at Warning keeps the browser console for problems.
    /// </summary>
    internal const string AppSettingsJson = """{"Logging":{"LogLevel":{"Default":"Warning"}}}""";

    /// <summary>Itsm's own script for the pages (itsm-studio.js, embedded): opens Itsm's pages when a list asks to.</summary>
    internal const string GlueScript = "itsm-studio.js";

    private static readonly Lazy<byte[]> GlueScriptBytes = new(() =>
    {
        using var stream = typeof(StudioAssets).Assembly.GetManifestResourceStream("Itsm.Orchestrator.Studio.itsm-studio.js")
            ?? throw new InvalidOperationException("The embedded resource itsm-studio.js is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>
    /// True for <c>/studio/_framework/…</c>, <c>/studio/_content/…</c> and a file name directly under <c>/studio</c>
    /// (a segment with a dot): pages are <c>/studio/definitions/…</c> and never have one at that level.
    /// </summary>
    public static bool IsAssetRequest(PathString path)
    {
        if (path.StartsWithSegments(Framework, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(Content, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!path.StartsWithSegments(Base, StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return false;
        }

        var name = rest.Value!.TrimStart('/');
        return name.Length > 0 && !name.Contains('/', StringComparison.Ordinal) && name.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs before the static file middleware of the assets branch: refuses what is not served, answers
    /// appsettings.json, and points the request at the best precompressed sibling the browser accepts.
    /// </summary>
    internal static Task SelectAsync(HttpContext context, StudioFiles files, Func<Task> next)
    {
        var path = context.Request.Path;
        path.StartsWithSegments(Base, StringComparison.OrdinalIgnoreCase, out var relative);
        var subpath = relative.Value ?? "";
        var name = subpath.TrimStart('/');
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            if (string.Equals(name, AppSettings, StringComparison.Ordinal))
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                return context.Response.WriteAsync(AppSettingsJson, context.RequestAborted);
            }

            if (string.Equals(name, GlueScript, StringComparison.Ordinal))
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return context.Response.Body.WriteAsync(GlueScriptBytes.Value, context.RequestAborted).AsTask();
            }

            if (!string.Equals(name, Stylesheet, StringComparison.Ordinal))
            {
                return NotFound(context);
            }
        }

        // The siblings are an encoding of a file, not files of their own: asked for by name they would arrive
        // without Content-Encoding and be garbage to the browser.
        if (IsEncodedSibling(subpath))
        {
            return NotFound(context);
        }

        foreach (var suffix in PreferredEncodingSuffixes(context.Request))
        {
            if (files.Provider.GetFileInfo(subpath + suffix).Exists)
            {
                context.Request.Path = new PathString(path.Value + suffix);
                break;
            }
        }

        return next();
    }

    internal static StaticFileOptions StaticFileOptions(StudioFiles files) => new()
    {
        FileProvider = files.Provider,
        RequestPath = Base,
        ContentTypeProvider = new EncodedSiblingContentTypes(),
        OnPrepareResponse = static context => PrepareResponse(context),
    };

    internal static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static void PrepareResponse(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        var name = context.File.Name;
        if (name.EndsWith(".br", StringComparison.Ordinal))
        {
            headers.ContentEncoding = "br";
            name = name[..^3];
        }
        else if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            headers.ContentEncoding = "gzip";
            name = name[..^3];
        }

        // Every file of the package has siblings or none; the answer depends on Accept-Encoding either way for
        // the ones that do, which shared caches must know.
        if (headers.ContentEncoding.Count > 0 || HasSiblings(context))
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }

        headers.CacheControl = Fingerprint().IsMatch(name) ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
    }

    private static bool HasSiblings(StaticFileResponseContext context)
        => context.File.PhysicalPath is { } physical && File.Exists(physical + ".br");

    private static bool IsEncodedSibling(string subpath)
        => subpath.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || subpath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Brotli, then gzip, each only when Accept-Encoding lists it with a non-zero quality.</summary>
    private static IEnumerable<string> PreferredEncodingSuffixes(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        if (Accepts(accepted, "br")) yield return ".br";
        if (Accepts(accepted, "gzip")) yield return ".gz";
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding)
        => accepted.Any(value => string.Equals(value.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && (value.Quality ?? 1) > 0);

    /// <summary>
    /// The build's fingerprint: a dot-separated segment of 10 lowercase letters and digits, at least one a digit
    /// (<c>BlazorMonaco.98tzo6dc2v.wasm</c>, <c>dotnet.native.b6l13xorvf.js</c>). A rare all-letter hash is missed and
    /// merely revalidated; a word such as "extensions" is never taken for one.
    /// </summary>
    [GeneratedRegex(@"\.(?=[a-z]*[0-9])[a-z0-9]{10}\.", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprint();

    /// <summary>The content type of the file a <c>.br</c>/<c>.gz</c> sibling encodes; a few types the default table lacks.</summary>
    private sealed class EncodedSiblingContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _inner = Create();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            if (IsEncodedSibling(subpath))
            {
                subpath = subpath[..^3];
            }

            return _inner.TryGetContentType(subpath, out contentType!);
        }

        private static FileExtensionContentTypeProvider Create()
        {
            var provider = new FileExtensionContentTypeProvider();
            provider.Mappings[".wasm"] = "application/wasm";
            provider.Mappings[".dat"] = "application/octet-stream";
            provider.Mappings[".webmanifest"] = "application/manifest+json";
            provider.Mappings[".cur"] = "image/x-icon";
            provider.Mappings[".map"] = "application/json";
            provider.Mappings[".js"] = "text/javascript";
            return provider;
        }
    }
}
