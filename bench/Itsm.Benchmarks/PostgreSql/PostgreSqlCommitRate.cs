using System.Diagnostics;
using Npgsql;

namespace Itsm.Benchmarks.PostgreSql;

/// <summary>
/// The reference for the PostgreSQL benches: single-row INSERTs, each its own transaction (autocommit), from
/// <c>connections</c> concurrent sessions for a fixed window, on the same server the orchestrator then uses. With many
/// sessions the server flushes several commits per WAL write (its group commit), which is the ceiling a host of
/// one-commit-per-start can approach.
/// </summary>
internal static class PostgreSqlCommitRate
{
    public static async Task<double> MeasureAsync(string server, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var database = await PostgreSqlBenchDatabase.CreateAsync(server, "commits", cancellationToken).ConfigureAwait(false);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var create = dataSource.CreateCommand("CREATE TABLE commits (id bigserial PRIMARY KEY, body text NOT NULL)"))
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var body = new string('x', 200);
        long count = 0;
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(0.5 * Stopwatch.Frequency);
        var end = warmupEnd + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = new NpgsqlCommand("INSERT INTO commits (body) VALUES ($1)", connection) { Parameters = { new NpgsqlParameter<string> { TypedValue = body } } };
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= end) break;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (now >= warmupEnd) Interlocked.Increment(ref count);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return count / duration.TotalSeconds;
    }
}
