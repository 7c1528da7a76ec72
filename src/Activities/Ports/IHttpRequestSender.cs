namespace Itsm.Activities.Ports;

/// <summary>
/// Outbound HTTP for <c>Elsa.SendHttpRequest</c>; the host implements it with timeouts, retries, redirects and a
/// guard on where a workflow may call. Any response (including 4xx/5xx) is returned; a call that yields none
/// throws <see cref="HttpCallException"/>.
/// </summary>
public interface IHttpRequestSender
{
    Task<HttpCallResponse> SendAsync(HttpCallRequest request, CancellationToken cancellationToken);
}

public sealed record HttpCallRequest(
    string Method,
    Uri Url,
    string? Content,
    string? ContentType,
    string? Authorization,
    IReadOnlyDictionary<string, string>? Headers);

/// <summary>A response; <see cref="Headers"/> are keyed by lower-case name, repeated values joined with ", ".</summary>
public sealed record HttpCallResponse(
    int StatusCode,
    string? Content,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers);
