using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Sqlite;

/// <summary>Outcome of <see cref="SqliteCommitRate.MeasureAsync(TimeSpan, string?, CancellationToken)"/>.</summary>
/// <param name="Commits">Single-row transactions committed in the measured window (warm-up excluded).</param>
/// <param name="Elapsed">Length of the measured window.</param>
/// <param name="JournalMode">What SQLite reported back for <c>PRAGMA journal_mode</c> (WAL unless the file system refuses it).</param>
/// <param name="Synchronous">What SQLite reported back for <c>PRAGMA synchronous</c> (1 = NORMAL).</param>
/// <param name="DatabaseDirectory">Where the file lived: tmpfs and disk give very different figures.</param>
/// <param name="Latency">BEGIN..COMMIT duration per transaction.</param>
public sealed record SqliteCommitResult(
    long Commits,
    TimeSpan Elapsed,
    string JournalMode,
    string Synchronous,
    string SqliteVersion,
    string DatabaseDirectory,
    int BodyBytes,
    LatencySummary Latency)
{
    public double CommitsPerSecond => Elapsed > TimeSpan.Zero ? Commits / Elapsed.TotalSeconds : 0;

    public void WriteTo(ReportWriter report)
    {
        report.Header($"sqlite-commit: one row per transaction, journal_mode={JournalMode}, synchronous={Synchronous} (SQLite {SqliteVersion})");
        report.Line("database directory", DatabaseDirectory);
        report.Line("row body", BodyBytes, "bytes");
        report.Line("measured", Elapsed.TotalSeconds, "s");
        report.Line("commits", Commits);
        report.Line("commit rate", CommitsPerSecond, "commits/s", 0);
        report.Line("commit latency p50", Latency.P50Ms, "ms", 3);
        report.Line("commit latency p99", Latency.P99Ms, "ms", 3);
        report.Line("commit latency max", Latency.MaxMs, "ms", 3);
    }
}
