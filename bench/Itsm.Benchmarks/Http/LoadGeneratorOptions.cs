namespace Itsm.Benchmarks.Http;

/// <param name="MaxConnectionsPerServer">Parallel HTTP/1.1 connections; requests beyond it queue in the handler (and that wait counts as latency).</param>
/// <param name="MaxInFlight">Safety valve: past this many outstanding requests new sends are skipped and counted as "not-sent", so a stalled server cannot exhaust memory.</param>
/// <param name="RequestTimeout">Per-request timeout; expired requests count as "timeout".</param>
public sealed record LoadGeneratorOptions(
    int MaxConnectionsPerServer = 256,
    int MaxInFlight = 20_000,
    TimeSpan? RequestTimeout = null)
{
    public TimeSpan EffectiveRequestTimeout => RequestTimeout ?? TimeSpan.FromSeconds(30);
}
