using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Http;

namespace Itsm.Benchmarks.Commands;

/// <summary>The request options shared by <c>load</c> and <c>peak</c>: --url, --method, --body-file, --header.</summary>
internal static class HttpTargetArgs
{
    public static readonly string[] OptionNames = ["url", "method", "body-file", "header"];

    public const string Usage =
        """
          --url <url>            target; host must be 127.0.0.1, localhost or [::1]
          --method <verb>        default POST with a body, GET without
          --body-file <path>     request body (sent as application/json unless a Content-Type header says otherwise);
                                 "{{seq}}" in it is replaced by the request's sequence number
          --header "Name: value" extra header, repeatable

        """;

    /// <param name="selfTestUri">When set, the self-test server's URL; --url is then not allowed.</param>
    public static RequestTemplate Build(CommandArgs args, Uri? selfTestUri)
    {
        var urlText = args.GetString("url");
        Uri url;
        if (selfTestUri is not null)
        {
            url = urlText is null ? selfTestUri : throw new UsageException("--self-test starts its own server: drop --url");
        }
        else if (urlText is null)
        {
            throw new UsageException("--url is required (or --self-test)");
        }
        else if (!Uri.TryCreate(urlText, UriKind.Absolute, out url!))
        {
            throw new UsageException($"--url: '{urlText}' is not an absolute URL");
        }

        if (!LoopbackGuard.IsAllowed(url))
        {
            throw new UsageException($"refusing '{url}': load is only sent to http(s)://127.0.0.1, localhost or [::1]");
        }

        byte[]? body = null;
        var bodyFile = args.GetString("body-file");
        if (bodyFile is not null)
        {
            body = File.Exists(bodyFile) ? File.ReadAllBytes(bodyFile) : throw new UsageException($"--body-file: '{bodyFile}' not found");
        }

        var method = new HttpMethod(args.GetString("method")?.ToUpperInvariant() ?? (body is null ? "GET" : "POST"));
        List<KeyValuePair<string, string>> headers;
        try
        {
            headers = args.GetAll("header").Select(RequestTemplate.ParseHeader).ToList();
        }
        catch (FormatException e)
        {
            throw new UsageException("--header: " + e.Message);
        }

        return new RequestTemplate(method, url, body, headers);
    }

    public static TimeSpan Seconds(CommandArgs args, string name, double fallback)
    {
        var seconds = args.GetDouble(name, fallback);
        if (seconds < 0 || seconds > LoadLimits.MaxDuration.TotalSeconds)
        {
            throw new UsageException($"--{name} must be between 0 and {LoadLimits.MaxDuration.TotalSeconds:F0} s");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
