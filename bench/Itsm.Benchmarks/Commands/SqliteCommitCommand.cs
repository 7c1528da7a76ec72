using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Reporting;
using Itsm.Benchmarks.Sqlite;

namespace Itsm.Benchmarks.Commands;

/// <summary><c>sqlite-commit</c>: the single-row commit ceiling of SQLite on this machine.</summary>
internal static class SqliteCommitCommand
{
    public static BenchCommand Definition { get; } = new(
        "sqlite-commit",
        "raw SQLite single-row commit rate (WAL, synchronous=NORMAL, one thread, prepared INSERT)",
        """
        sqlite-commit [--duration <s>] [--dir <path>]
          --duration <s>   measured window (default 3, at most 120)
          --dir <path>     directory for the temp database (default: system temp; tmpfs vs disk matters)
        """,
        RunAsync);

    private static async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.EnsureOnly("duration", "dir");
        var seconds = args.GetDouble("duration", 3);
        if (seconds <= 0 || seconds > 120)
        {
            throw new UsageException("--duration must be > 0 and at most 120 s");
        }

        var result = await SqliteCommitRate.MeasureAsync(TimeSpan.FromSeconds(seconds), args.GetString("dir"), cancellationToken)
            .ConfigureAwait(false);
        result.WriteTo(ReportWriter.Console);
        return result.Commits > 0 ? 0 : 1;
    }
}
