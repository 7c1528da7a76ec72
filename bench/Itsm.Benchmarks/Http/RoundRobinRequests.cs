namespace Itsm.Benchmarks.Http;

/// <summary>Spreads requests over several hosts in turn, as a load balancer would (request n goes to host n mod count).</summary>
public sealed class RoundRobinRequests(IReadOnlyList<IRequestFactory> targets) : IRequestFactory
{
    private readonly IReadOnlyList<IRequestFactory> _targets = targets.Count > 0 ? targets : throw new ArgumentException("No target.", nameof(targets));

    public Uri Target => _targets[0].Target;

    public HttpRequestMessage Create(long sequence) => _targets[(int)(sequence % _targets.Count)].Create(sequence);
}
