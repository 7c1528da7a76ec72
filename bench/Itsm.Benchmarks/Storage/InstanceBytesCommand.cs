using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Reporting;
using Itsm.Benchmarks.Sqlite;

namespace Itsm.Benchmarks.Storage;

/// <summary>
/// <c>instance-bytes</c>: bytes on disk per suspended instance through the real <c>SqliteWorkflowStore</c>, and the
/// persisted start rate of that loop beside the raw single-row SQLite commit rate measured in the same run.
/// </summary>
internal static class InstanceBytesCommand
{
    /// <summary>The published budget for one suspended instance (all its rows and index entries).</summary>
    private const double TargetBytesPerInstance = 4 * 1024;

    public static BenchCommand Definition { get; } = new(
        "instance-bytes",
        "bytes stored per suspended instance (real SqliteWorkflowStore) and persisted starts/s vs raw SQLite commits/s",
        """
        instance-bytes [--instances <n>] [--warmup <n>] [--concurrency <n>] [--commit-duration <s>] [--dir <path>] [--show-sample]
          --instances <n>        timed starts, each suspended on an event bookmark (default 10000)
          --warmup <n>           untimed starts first, same database (default 1000)
          --concurrency <n>      tasks committing at once, so group commit can batch (default 64)
          --commit-duration <s>  window of the raw sqlite-commit reference (default 3)
          --dir <path>           parent of the temp data folders (default: system temp; tmpfs vs disk matters)
          --show-sample          print one instance's StateJson
        """,
        RunAsync);

    private static async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.EnsureOnly("instances", "warmup", "concurrency", "commit-duration", "dir", "show-sample");
        var instances = args.GetInt("instances", 10_000);
        var warmup = args.GetInt("warmup", 1000);
        var concurrency = args.GetInt("concurrency", 64);
        var commitSeconds = args.GetDouble("commit-duration", 3);
        if (instances < 1 || instances > 1_000_000 || warmup < 0 || warmup > 1_000_000 || concurrency < 1 || concurrency > 4096)
        {
            throw new UsageException("--instances 1..1000000, --warmup 0..1000000, --concurrency 1..4096");
        }

        if (commitSeconds <= 0 || commitSeconds > 120)
        {
            throw new UsageException("--commit-duration must be > 0 and at most 120 s");
        }

        var parent = Path.GetFullPath(args.GetString("dir") ?? Path.GetTempPath());
        var emptyFolder = Path.Combine(parent, $"itsm-bench-empty-{Guid.NewGuid():N}");
        var filledFolder = Path.Combine(parent, $"itsm-bench-bytes-{Guid.NewGuid():N}");
        try
        {
            var empty = await InstanceBytesMeasurement.MeasureEmptyAsync(emptyFolder, cancellationToken).ConfigureAwait(false);
            var (rate, bytes) = await InstanceBytesMeasurement
                .RunAsync(filledFolder, empty, warmup, instances, concurrency, cancellationToken)
                .ConfigureAwait(false);
            // After the store is closed, so the two do not compete for the disk.
            var raw = await SqliteCommitRate.MeasureAsync(TimeSpan.FromSeconds(commitSeconds), parent, cancellationToken)
                .ConfigureAwait(false);

            var report = ReportWriter.Console;
            WriteBytes(report, bytes, parent);
            if (args.HasFlag("show-sample"))
            {
                report.Header("sample StateJson");
                Console.WriteLine(bytes.Sample.StateJson);
            }

            WriteRate(report, rate, raw);
            raw.WriteTo(report);

            report.Header("summary");
            report.Line("bytes per suspended instance", bytes.BytesPerInstance, "bytes", 0);
            report.Line("target", $"< {TargetBytesPerInstance:F0}", "bytes");
            report.Line("verdict", bytes.BytesPerInstance < TargetBytesPerInstance ? "MEETS TARGET" : "MISSES TARGET");
            report.Line("persisted starts", rate.InstancesPerSecond, "instances/s", 0);
            report.Line("raw single-row commits", raw.CommitsPerSecond, "commits/s", 0);
            report.Line("persisted starts / raw commits", raw.CommitsPerSecond > 0 ? rate.InstancesPerSecond / raw.CommitsPerSecond : 0, "x", 2);
            return 0;
        }
        finally
        {
            TryDeleteFolder(emptyFolder);
            TryDeleteFolder(filledFolder);
        }
    }

    private static void WriteBytes(ReportWriter report, InstanceBytesResult bytes, string parent)
    {
        var n = bytes.Instances;
        report.Header("instance-bytes: Start -> SetVariable x3 -> Event \"approved\" (suspended, 1 bookmark), via SqliteWorkflowStore");
        report.Line("data folder parent", parent);
        report.Line("instances stored", n);
        report.Line("page size", bytes.PageSize, "bytes");
        report.Line("empty database (checkpointed)", bytes.EmptyDatabaseBytes, "bytes");
        report.Line("filled database (checkpointed)", bytes.DatabaseBytes, "bytes");
        report.Line("free pages after run", bytes.FreePages);
        report.Line("on disk per instance", bytes.BytesPerInstance, "bytes", 0);
        report.Line("row text bytes per instance", bytes.RowTextBytesPerInstance, "bytes", 0);

        report.Header("per instance, from the tables (text columns, UTF-8 bytes; averages over all instances)");
        foreach (var table in new[] { bytes.InstanceTable, bytes.BookmarkTable, bytes.JournalTable })
        {
            report.Line($"{table.Table} rows", table.RowsPer(n), "per instance", 2);
            report.Line($"{table.Table} text bytes", table.TextBytesPer(n), "bytes", 0);
        }

        var s = bytes.Sample;
        report.Header($"one instance ({s.InstanceId})");
        report.Line("StateJson", s.StateJsonBytes, "bytes");
        report.Line("instance row text", s.InstanceRowTextBytes, "bytes");
        report.Line("bookmark rows", s.BookmarkRows);
        report.Line("bookmark PayloadJson", s.BookmarkPayloadBytes, "bytes");
        report.Line("bookmark row text", s.BookmarkRowTextBytes, "bytes");
        report.Line("journal rows", s.JournalRows);
        report.Line("journal rows text", s.JournalRowTextBytes, "bytes");

        if (bytes.Pages is null)
        {
            report.Header("b-tree pages: dbstat not available in this SQLite build");
            return;
        }

        report.Header("b-tree pages per table/index (dbstat), per instance");
        foreach (var page in bytes.Pages.Where(p => p.Pages > 1 || p.PayloadBytes > 0))
        {
            report.Line(page.Name, (double)page.Bytes / n, "bytes", 0);
        }
    }

    private static void WriteRate(ReportWriter report, PersistedStartRate rate, SqliteCommitResult raw)
    {
        report.Header($"persisted starts: engine burst + CommitAsync, {rate.Concurrency} concurrent tasks (group commit)");
        report.Line("starts timed", rate.Instances);
        report.Line("measured", rate.Elapsed.TotalSeconds, "s", 3);
        report.Line("persisted start rate", rate.InstancesPerSecond, "instances/s", 0);
        report.Line("group-commit transactions", rate.Transactions);
        report.Line("instances per transaction", rate.InstancesPerTransaction, "", 1);
        report.Line("start latency p50", rate.Latency.P50Ms, "ms", 3);
        report.Line("start latency p99", rate.Latency.P99Ms, "ms", 3);
        report.Line("vs raw single-row commit rate", raw.CommitsPerSecond > 0 ? rate.InstancesPerSecond / raw.CommitsPerSecond : 0, "x", 2);
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not turn a finished measurement into a failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
