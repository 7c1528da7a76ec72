namespace Itsm.Activities.Ports;

/// <summary>Outbound HTTP for <c>Elsa.SendHttpRequest</c>; the host implements it with resilience and timeouts.</summary>
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

public sealed record HttpCallResponse(
    int StatusCode,
    string? Content,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers);
