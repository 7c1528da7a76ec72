namespace Itsm.Benchmarks.Http;

/// <summary>
/// Checks every request, not just the configured URL: a custom <see cref="IRequestFactory"/>
/// could otherwise build requests for any host.
/// </summary>
public sealed class LoopbackOnlyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LoopbackGuard.Ensure(request.RequestUri ?? throw new ArgumentException("request has no URI", nameof(request)));
        return base.SendAsync(request, cancellationToken);
    }
}
