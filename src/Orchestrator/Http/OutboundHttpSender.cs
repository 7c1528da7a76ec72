using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Itsm.Activities.Ports;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Http;

/// <summary>
/// <c>Elsa.SendHttpRequest</c>'s way out: one named <see cref="HttpClient"/> whose handler sends no cookies, no
/// credentials and no proxy (a proxy would make the guard check the proxy instead of the destination), follows no
/// redirects itself and connects only where <see cref="DestinationGuard"/> lets it.
/// </summary>
/// <remarks>
/// Redirects are followed here, up to <see cref="OutboundHttpOptions.MaxRedirects"/>: the guard re-checks every hop's
/// address anyway (it runs per connection), but only a hand-followed redirect can drop the workflow's Authorization
/// on a cross-origin hop and refuse a hop to another scheme with a clear message.
/// Retries are hand-rolled rather than Microsoft.Extensions.Http.Resilience: the rule is small (idempotent methods
/// only, transient failures and 408/429/502/503/504, bounded, exponential with jitter), a refused destination
/// must never be retried, waits must run on the injected <see cref="TimeProvider"/>, and the standard pipeline's
/// client-wide circuit breaker would let one flaky partner stop every workflow's calls.
/// </remarks>
public sealed partial class OutboundHttpSender(
    IHttpClientFactory clients,
    DestinationGuard guard,
    IOptions<OutboundHttpOptions> options,
    TimeProvider clock,
    ILogger<OutboundHttpSender> logger) : IHttpRequestSender
{
    public const string ClientName = "Itsm.Outbound";

    private static readonly HashSet<string> IdempotentMethods = new(StringComparer.Ordinal) { "GET", "HEAD", "PUT", "DELETE", "OPTIONS" };
    private static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization", "Cookie"];

    public async Task<HttpCallResponse> SendAsync(HttpCallRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var retries = IdempotentMethods.Contains(request.Method) ? settings.MaxRetries : 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await SendOnceAsync(request, settings, cancellationToken);
                if (attempt >= retries || !IsTransient(response.StatusCode)) return response;
                LogRetrying(request.Method, request.Url, attempt + 1, $"status {response.StatusCode}");
            }
            catch (HttpCallException ex) when (ex.Retryable && attempt < retries)
            {
                LogRetrying(request.Method, request.Url, attempt + 1, ex.Message);
            }
            await Task.Delay(Backoff(settings.RetryBaseDelay, attempt), clock, cancellationToken);
        }
    }

    private async Task<HttpCallResponse> SendOnceAsync(HttpCallRequest request, OutboundHttpOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var client = clients.CreateClient(ClientName);
        var (method, url, content, authorization, headers) = (request.Method, request.Url, request.Content, request.Authorization, request.Headers);
        for (var hop = 0; ; hop++)
        {
            try
            {
                guard.CheckScheme(url);
                using var message = Build(method, url, content, request.ContentType, authorization, headers);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                // Past the redirect limit the 3xx itself is the answer (as HttpClient does), for the workflow to route on.
                if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || hop >= settings.MaxRedirects)
                    return await ReadAsync(response, settings.MaxResponseBytes, linked.Token);

                var next = new Uri(url, location);
                if (!SameOrigin(url, next))
                {
                    // The workflow's credentials were meant for the first origin, not wherever it sends us.
                    authorization = null;
                    headers = headers?.Where(h => !CredentialHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary();
                }
                if (response.StatusCode == HttpStatusCode.SeeOther
                    || (response.StatusCode is HttpStatusCode.Moved or HttpStatusCode.Found && method == "POST"))
                    (method, content) = (method == "HEAD" ? "HEAD" : "GET", null);
                url = next;
            }
            catch (DestinationRefusedException ex)
            {
                throw new HttpCallException(ex.Message, retryable: false, ex);
            }
            catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
            {
                throw new HttpCallException(refusal.Message, retryable: false, refusal);
            }
            catch (HttpRequestException ex)
            {
                throw new HttpCallException($"{method} {url} failed: {ex.Message}", retryable: true, ex);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new HttpCallException($"{method} {url} timed out after {settings.Timeout}.", retryable: true, ex);
            }
        }
    }

    private static HttpRequestMessage Build(string method, Uri url, string? content, string? contentType, string? authorization, IReadOnlyDictionary<string, string>? headers)
    {
        // HTTP/1.1 and never higher: HTTP/3 runs over QUIC, whose connections do not pass through the guard's ConnectCallback.
        var message = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (content is not null && method is not ("GET" or "HEAD"))
        {
            message.Content = new StringContent(content, Encoding.UTF8);
            if (contentType is not null)
            {
                if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
                    throw new HttpCallException($"Content type '{contentType}' is not valid.", retryable: false);
                parsed.CharSet ??= "utf-8";
                message.Content.Headers.ContentType = parsed;
            }
        }
        if (authorization is not null) Add(message, "Authorization", authorization);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            Add(message, name, value);
        return message;
    }

    private static void Add(HttpRequestMessage message, string name, string value)
    {
        if (value.Contains('\r') || value.Contains('\n'))
            throw new HttpCallException($"Header '{name}' contains a line break.", retryable: false);
        if (message.Headers.TryAddWithoutValidation(name, value)) return;
        // A content header (Content-Type…) on a request without a body has nothing to describe: left out.
        if (message.Content is null) return;
        message.Content.Headers.Remove(name);
        if (!message.Content.Headers.TryAddWithoutValidation(name, value))
            throw new HttpCallException($"Header '{name}' cannot be set on this request.", retryable: false);
    }

    private static async Task<HttpCallResponse> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength > maxBytes)
            throw TooLarge(response, maxBytes);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(response, maxBytes);
            buffer.Write(chunk, 0, read);
        }
        var encoding = EncodingOf(response.Content.Headers.ContentType?.CharSet);
        var text = buffer.Length == 0 ? null : encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(header => header.Key.ToLowerInvariant())
            .ToDictionary(group => group.Key, group => string.Join(", ", group.SelectMany(header => header.Value)), StringComparer.Ordinal);
        return new HttpCallResponse(status, text, response.Content.Headers.ContentType?.MediaType, headers);
    }

    private static HttpCallException TooLarge(HttpResponseMessage response, long maxBytes)
        => new($"The response from {response.RequestMessage?.RequestUri} is larger than {maxBytes} bytes ({OutboundHttpOptions.SectionName}:MaxResponseBytes).", retryable: false);

    private static Encoding EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsTransient(int status) => status is 408 or 429 or 502 or 503 or 504;

    private static bool SameOrigin(Uri a, Uri b)
        => a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>About base·2^attempt, jittered to 50–100 % so many instances retrying one partner do not retry in step.</summary>
    private static TimeSpan Backoff(TimeSpan baseDelay, int attempt)
        => TimeSpan.FromTicks((long)(baseDelay.Ticks * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble() / 2)));

    private static DestinationRefusedException? FindRefusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is DestinationRefusedException refused) return refused;
        return null;
    }

    [LoggerMessage(LogLevel.Information, "Retrying {Method} {Url} (retry {Retry}) after {Reason}")]
    private partial void LogRetrying(string method, Uri url, int retry, string reason);
}
