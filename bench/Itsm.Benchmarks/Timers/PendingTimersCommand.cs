using System.Diagnostics;
using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Reporting;
using Itsm.Benchmarks.Storage;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Timers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Itsm.Benchmarks.Timers;

/// <summary>
/// <c>pending-timers</c>: what a node's start-up costs with a million pending timers in the store. Seeds the timers
/// (spread over the next 30 days, as SLA clocks and reminders are), then measures, on a freshly opened store, the
/// timer horizon's first scan (what start-up does now) beside loading every timer (what it did before), each with the
/// managed heap its result keeps alive.
/// </summary>
internal static class PendingTimersCommand
{
    public static BenchCommand Definition { get; } = new(
        "pending-timers",
        "start-up time and heap with N pending timers: first timer-horizon scan vs loading every timer",
        """
        pending-timers [--timers <n>] [--days <n>] [--dir <path>]
          --timers <n>   pending timers seeded (default 1000000)
          --days <n>     due times spread evenly over this many days from now (default 30)
          --dir <path>   parent of the temp data folder (default: system temp)
        """,
        RunAsync);

    private static async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.EnsureOnly("timers", "days", "dir");
        var count = args.GetInt("timers", 1_000_000);
        var days = args.GetDouble("days", 30);
        if (count is < 1 or > 10_000_000 || days <= 0) throw new UsageException("--timers 1..10000000, --days > 0");
        var folder = Path.Combine(Path.GetFullPath(args.GetString("dir") ?? Path.GetTempPath()), $"itsm-bench-timers-{Guid.NewGuid():N}");
        var now = DateTimeOffset.UtcNow;
        try
        {
            var seeded = Stopwatch.StartNew();
            await using (var host = await BenchPersistenceHost.StartAsync(folder, cancellationToken).ConfigureAwait(false))
                PendingTimerSeeder.Seed(host.DatabasePath, count, now, TimeSpan.FromDays(days));
            var seedSeconds = seeded.Elapsed.TotalSeconds;

            var horizon = await MeasureAsync(folder, async host =>
            {
                var scheduler = new CountingScheduler();
                var timers = new TimerHorizon(scheduler, host.Store, new SingleNodeTimerCluster(), new FixedClock(now), Options.Create(new TimerOptions()), NullLogger<TimerHorizon>.Instance);
                await timers.ScanAsync(cancellationToken).ConfigureAwait(false);
                return (timers, scheduler.Count);
            }, cancellationToken).ConfigureAwait(false);
            var loadAll = await MeasureAsync(folder, async host =>
            {
                var all = await host.Store.ListTimerBookmarksAsync(cancellationToken).ConfigureAwait(false);
                return ((object)all, all.Count);
            }, cancellationToken).ConfigureAwait(false);

            var report = ReportWriter.Console;
            report.Header($"{count:N0} pending timers over {days:G} days (seeded in {seedSeconds:F1} s)");
            report.Line("horizon scan (now): time", horizon.Milliseconds, "ms", 1);
            report.Line("horizon scan (now): timers armed", horizon.Count, "timers");
            report.Line("horizon scan (now): heap kept", horizon.HeapBytes / 1024.0, "KiB", 1);
            report.Line("load every timer (before): time", loadAll.Milliseconds, "ms", 1);
            report.Line("load every timer (before): timers armed", loadAll.Count, "timers");
            report.Line("load every timer (before): heap kept", loadAll.HeapBytes / 1024.0, "KiB", 0);
            report.Line("time ratio (before / now)", horizon.Milliseconds > 0 ? loadAll.Milliseconds / horizon.Milliseconds : 0, "x", 0);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Opens the store afresh, runs <paramref name="work"/> and reports its time and the heap its result keeps alive.</summary>
    private static async Task<Measurement> MeasureAsync(string folder, Func<BenchPersistenceHost, Task<(object Kept, int Count)>> work, CancellationToken cancellationToken)
    {
        await using var host = await BenchPersistenceHost.StartAsync(folder, cancellationToken).ConfigureAwait(false);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var (kept, count) = await work(host).ConfigureAwait(false);
        var milliseconds = watch.Elapsed.TotalMilliseconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        return new Measurement(milliseconds, count, Math.Max(0, heapAfter - heapBefore));
    }

    private sealed record Measurement(double Milliseconds, int Count, long HeapBytes);

    private sealed class CountingScheduler : IDurableTimerScheduler
    {
        public int Count { get; private set; }

        public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt) => Count++;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
