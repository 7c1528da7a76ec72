using System.Diagnostics;
using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Http;

/// <summary>
/// Estimates peak throughput: N workers each send the next request as soon as the previous one is
/// answered. Good for "how much can it take", useless for latency under a given load (that is what
/// <see cref="OpenLoopLoadGenerator"/> is for, at a fraction of the peak found here).
/// </summary>
public static class ClosedLoopPeakProbe
{
    /// <param name="warmup">Run, but not counted, before the measured window.</param>
    public static async Task<PeakResult> RunAsync(
        IRequestFactory target,
        int concurrency,
        TimeSpan duration,
        TimeSpan warmup,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        LoopbackGuard.Ensure(target.Target);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(concurrency, LoadLimits.MaxConcurrency);
        LoadLimits.EnsureDuration(duration);
        LoadLimits.EnsureDuration(warmup + duration, "warmup + duration");

        // One connection per worker, so the probe measures the server, not a client-side queue.
        using var client = LoopbackHttpClientFactory.Create(concurrency, TimeSpan.FromSeconds(30));
        var outcomes = new OutcomeCounter();
        long sequence = -1;
        var measureStart = Stopwatch.GetTimestamp() + ToTicks(warmup);
        var measureEnd = measureStart + ToTicks(duration);

        var workers = new Task<List<long>>[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(() => WorkerAsync(), CancellationToken.None);
        }

        var perWorker = await Task.WhenAll(workers).ConfigureAwait(false);
        var all = perWorker.SelectMany(l => l).ToArray();
        // Shorter than planned only when cancelled.
        var measured = Stopwatch.GetElapsedTime(measureStart, Math.Clamp(Stopwatch.GetTimestamp(), measureStart, measureEnd));
        return new PeakResult(concurrency, measured, all.Length, outcomes.Snapshot(), LatencySummary.FromStopwatchTicks(all));

        async Task<List<long>> WorkerAsync()
        {
            var latencies = new List<long>(4096);
            while (!cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= measureEnd)
                {
                    break;
                }

                try
                {
                    using var request = target.Create(Interlocked.Increment(ref sequence));
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
                        .ConfigureAwait(false);
                    var end = Stopwatch.GetTimestamp();
                    // Completions inside the window count, so throughput is completions / window length.
                    if (end >= measureStart && end <= measureEnd)
                    {
                        latencies.Add(end - start);
                        outcomes.CountStatus(response.StatusCode);
                    }
                }
#pragma warning disable CA1031 // A failed request is a data point; the probe keeps going.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    var end = Stopwatch.GetTimestamp();
                    if (end >= measureStart && end <= measureEnd)
                    {
                        outcomes.CountFailure(OutcomeCounter.Classify(exception));
                    }
                }
            }

            return latencies;
        }
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
