using Itsm.Orchestrator.Timers;
using Itsm.Orchestrator.Timers.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>The PostgreSQL pieces that let several nodes share timers: Hangfire's schema, the scanning node, the armed records.</summary>
public sealed class PostgreSqlTimerClusterTests
{
    [Fact]
    public async Task Nodes_creating_hangfires_schema_together_all_start()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();

        var storages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlTimerStorage.Create(database.ConnectionString))));

        storages.Should().HaveCount(4);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM hangfire.job", connection);
        (await count.ExecuteScalarAsync()).Should().Be(0L, "the schema exists once, installed by one of them");
    }

    [Fact]
    public async Task One_node_scans_and_another_takes_over_when_its_session_dies()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var storage = PostgreSqlTimerStorage.Create(database.ConnectionString);
        await using var a = new PostgreSqlTimerCluster(storage, database.ConnectionString, NullLogger<PostgreSqlTimerCluster>.Instance);
        await using var b = new PostgreSqlTimerCluster(storage, database.ConnectionString, NullLogger<PostgreSqlTimerCluster>.Instance);

        (await a.IsScanningNodeAsync(default)).Should().BeTrue();
        (await b.IsScanningNodeAsync(default)).Should().BeFalse();
        (await a.IsScanningNodeAsync(default)).Should().BeTrue("it keeps the lock while its session lives");

        // What SIGKILL does to node a's session: the server ends it, and the advisory lock with it.
        await database.TerminateSessionsAsync("itsm-timer-horizon");

        (await b.IsScanningNodeAsync(default)).Should().BeTrue();
        (await a.IsScanningNodeAsync(default)).Should().BeFalse("its session died; b holds the lock now");
    }

    [Fact]
    public async Task A_node_that_stops_hands_the_scan_over()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var storage = PostgreSqlTimerStorage.Create(database.ConnectionString);
        await using var b = new PostgreSqlTimerCluster(storage, database.ConnectionString, NullLogger<PostgreSqlTimerCluster>.Instance);
        var a = new PostgreSqlTimerCluster(storage, database.ConnectionString, NullLogger<PostgreSqlTimerCluster>.Instance);
        (await a.IsScanningNodeAsync(default)).Should().BeTrue();

        await a.DisposeAsync();

        (await b.IsScanningNodeAsync(default)).Should().BeTrue();
    }

    [Fact]
    public async Task Armed_timers_recorded_by_one_node_are_read_by_another_until_forgotten()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var a = new PostgreSqlTimerCluster(PostgreSqlTimerStorage.Create(database.ConnectionString), database.ConnectionString, NullLogger<PostgreSqlTimerCluster>.Instance);
        await using var b = new PostgreSqlTimerCluster(PostgreSqlTimerStorage.Create(database.ConnectionString), database.ConnectionString, NullLogger<PostgreSqlTimerCluster>.Instance);
        var due = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var first = new ArmedTimer("bookmark-1", due, due.AddMinutes(-5));
        var second = new ArmedTimer("bookmark-2", due.AddSeconds(1.5), due.AddMinutes(-4));

        a.RecordArmed([first, second]);
        a.RecordArmed([first]);

        b.ReadArmed().Should().BeEquivalentTo([first, second], "a record is kept once, to the tick");
        b.Forget([first]);
        a.ReadArmed().Should().Equal(second);
    }
}
