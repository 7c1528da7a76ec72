using System.Diagnostics;
using System.Globalization;
using Itsm.Benchmarks.Reporting;
using Microsoft.Data.Sqlite;

namespace Itsm.Benchmarks.Sqlite;

/// <summary>
/// The raw ceiling for durable single-row writes on this machine: one thread, one prepared INSERT,
/// one transaction per row, on a WAL file with synchronous=NORMAL (the orchestrator's settings).
/// Other benches print their figures beside this one, measured in the same run, so a result can be
/// read as "x% of what SQLite alone can commit here" rather than as an absolute number.
/// </summary>
public static class SqliteCommitRate
{
    private const int BodyBytes = 200;

    // A short untimed prelude so JIT, page cache and WAL file growth do not land in the figures.
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(500);

    public static Task<SqliteCommitResult> MeasureAsync(TimeSpan duration) =>
        MeasureAsync(duration, directory: null, CancellationToken.None);

    public static Task<SqliteCommitResult> MeasureAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        MeasureAsync(duration, directory: null, cancellationToken);

    /// <param name="duration">Measured window; ~3 s gives stable figures.</param>
    /// <param name="directory">Where to put the temp database; defaults to the system temp directory.</param>
    /// <param name="cancellationToken">Stops the loop early; the figures then cover the shorter window.</param>
    public static Task<SqliteCommitResult> MeasureAsync(
        TimeSpan duration,
        string? directory,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);

        // The loop is synchronous I/O by nature (SQLite has no async API); give it its own thread
        // rather than parking a pool thread for seconds.
        return Task.Factory.StartNew(
            () => Measure(duration, directory ?? Path.GetTempPath(), cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static SqliteCommitResult Measure(TimeSpan duration, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"itsm-bench-commit-{Guid.NewGuid():N}.db");
        try
        {
            // Pooling off so the file is really closed (and deletable) when the connection is disposed.
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            using var connection = new SqliteConnection(connectionString);
            connection.Open();

            var journalMode = Scalar(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, "PRAGMA synchronous=NORMAL;");
            var synchronous = Scalar(connection, "PRAGMA synchronous;") switch
            {
                "0" => "OFF",
                "1" => "NORMAL",
                "2" => "FULL",
                "3" => "EXTRA",
                var other => other,
            };
            var version = Scalar(connection, "SELECT sqlite_version();");
            Execute(connection, "CREATE TABLE bench_rows (id TEXT NOT NULL PRIMARY KEY, body TEXT NOT NULL);");

            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bench_rows (id, body) VALUES ($id, $body);";
            var idParameter = insert.Parameters.Add("$id", SqliteType.Text);
            var bodyParameter = insert.Parameters.Add("$body", SqliteType.Text);
            bodyParameter.Value = new string('x', BodyBytes);
            insert.Prepare();

            var warmupEnd = Stopwatch.GetTimestamp() + (long)(Warmup.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < warmupEnd && !cancellationToken.IsCancellationRequested)
            {
                CommitOne(connection, insert, idParameter);
            }

            var latencies = new List<long>(capacity: 64 * 1024);
            var start = Stopwatch.GetTimestamp();
            var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            long now = start;
            while (now < end && !cancellationToken.IsCancellationRequested)
            {
                var before = now;
                CommitOne(connection, insert, idParameter);
                now = Stopwatch.GetTimestamp();
                latencies.Add(now - before);
            }

            var elapsed = Stopwatch.GetElapsedTime(start, now);
            return new SqliteCommitResult(
                latencies.Count,
                elapsed,
                journalMode,
                synchronous,
                version,
                directory,
                BodyBytes,
                LatencySummary.FromStopwatchTicks(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(latencies)));
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                TryDelete(path + suffix);
            }
        }
    }

    private static void CommitOne(SqliteConnection connection, SqliteCommand insert, SqliteParameter idParameter)
    {
        // BeginTransaction (BEGIN .. COMMIT) is the path EF Core and the orchestrator's own stores take,
        // so the per-transaction overhead measured here is the one they pay.
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        // Version-7 GUIDs are time-ordered, so inserts append to the primary-key index: the cheap, common case.
        idParameter.Value = Guid.CreateVersion7().ToString("N");
        insert.ExecuteNonQuery();
        transaction.Commit();
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file must not turn a finished measurement into a failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
