namespace Itsm.Benchmarks.Http;

/// <summary>
/// Builds the request for one send. A factory rather than a fixed request because an
/// <see cref="HttpRequestMessage"/> can be sent only once, and because benches such as the webhook
/// one need a distinct body (e.g. a correlation id) per request.
/// </summary>
public interface IRequestFactory
{
    /// <summary>The endpoint the requests go to; checked against <see cref="LoopbackGuard"/> up front.</summary>
    Uri Target { get; }

    /// <param name="sequence">0-based number of the request within the generator's lifetime.</param>
    HttpRequestMessage Create(long sequence);
}
