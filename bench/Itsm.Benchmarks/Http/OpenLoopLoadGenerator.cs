using System.Diagnostics;

namespace Itsm.Benchmarks.Http;

/// <summary>
/// Fixed-rate (open-loop) HTTP load: request i is due at t0 + i/rate whether or not earlier requests
/// have been answered, and its latency is measured from that *scheduled* time. A closed-loop client
/// waits for slow responses before sending more and so hides exactly the queueing it should measure
/// (coordinated omission); this one keeps offering load and lets the queue show in the percentiles.
/// </summary>
/// <remarks>
/// The scheduler is one dedicated thread that sleeps (sub-millisecond on Linux, no spinning: a spinning
/// core would be taken from the server under test on a small machine) until the next request is due,
/// then hands it to the thread pool. When requests fall due faster than it can wake, it sends all due
/// ones at once. Its dispatch delay is included in <see cref="LoadResult.Latency"/> and reported on its
/// own as <see cref="LoadResult.SendLag"/>.
/// One instance keeps its connections across runs, so a warm-up run followed by a measured run
/// (or a sweep over rates) measures warm connections.
/// </remarks>
public sealed class OpenLoopLoadGenerator : IDisposable
{
    private readonly IRequestFactory _target;
    private readonly LoadGeneratorOptions _options;
    private readonly HttpClient _client;
    private long _nextSequence;

    public OpenLoopLoadGenerator(IRequestFactory target, LoadGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        LoopbackGuard.Ensure(target.Target);
        _target = target;
        _options = options ?? new LoadGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxInFlight, 1);
        _client = LoopbackHttpClientFactory.Create(_options.MaxConnectionsPerServer, _options.EffectiveRequestTimeout);
    }

    /// <summary>Sends <paramref name="ratePerSecond"/> requests per second for <paramref name="duration"/>, then waits for the stragglers.</summary>
    /// <param name="cancellationToken">Stops scheduling and aborts outstanding requests; the result covers what was done.</param>
    public async Task<LoadResult> RunAsync(double ratePerSecond, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (!(ratePerSecond > 0 && ratePerSecond <= LoadLimits.MaxRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, $"rate must be > 0 and at most {LoadLimits.MaxRatePerSecond} req/s");
        }

        LoadLimits.EnsureDuration(duration);
        var planned = Math.Max(1, (long)Math.Floor(ratePerSecond * duration.TotalSeconds));
        var firstSequence = _nextSequence;
        _nextSequence += planned;

        var phase = new LoadPhase(_client, _target, _options.MaxInFlight, planned, cancellationToken);
        var intervalTicks = Stopwatch.Frequency / ratePerSecond;

        // A dedicated thread: the pacing loop blocks in Thread.Sleep and must not wait behind
        // (or starve) the pool threads that run the requests.
        var (start, lastDispatch) = await Task.Factory.StartNew(
            () => Schedule(phase, planned, firstSequence, intervalTicks, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);

        await phase.DrainAsync(_options.EffectiveRequestTimeout + TimeSpan.FromSeconds(5)).ConfigureAwait(false);

        var lastCompletion = phase.LastCompletion;
        return new LoadResult(
            ratePerSecond,
            duration,
            planned,
            phase.Sent,
            phase.Responses,
            Stopwatch.GetElapsedTime(start, lastDispatch + (long)intervalTicks),
            lastCompletion > start ? Stopwatch.GetElapsedTime(start, lastCompletion) : TimeSpan.Zero,
            phase.Outcomes.Snapshot(),
            phase.Latency.Summarize(),
            phase.ServiceTime.Summarize(),
            phase.SendLag.Summarize(),
            phase.PeakInFlight);
    }

    public void Dispose() => _client.Dispose();

    private static (long Start, long LastDispatch) Schedule(
        LoadPhase phase,
        long planned,
        long firstSequence,
        double intervalTicks,
        CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var lastDispatch = start;
        for (long i = 0; i < planned; i++)
        {
            var scheduled = start + (long)(i * intervalTicks);
            PreciseSleep.Until(scheduled, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return (start, lastDispatch);
            }

            phase.Dispatch(firstSequence + i, scheduled);
            lastDispatch = Stopwatch.GetTimestamp();
        }

        return (start, lastDispatch);
    }
}
