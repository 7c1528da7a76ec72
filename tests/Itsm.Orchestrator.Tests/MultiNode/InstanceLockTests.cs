using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Runtime.PostgreSql;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// The cluster-wide instance lock, between "nodes" that share nothing but the database: each has its own local lock
/// and its own connection pool, as two hosts do.
/// </summary>
public sealed class InstanceLockTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private PostgreSqlTestDatabase _database = null!;
    private readonly List<NpgsqlDataSource> _dataSources = [];

    public async Task InitializeAsync() => _database = await PostgreSqlTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources) await dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    private PostgreSqlInstanceLocks Node()
    {
        var dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        _dataSources.Add(dataSource);
        return new PostgreSqlInstanceLocks(new InstanceLocks(), dataSource, NullLogger<PostgreSqlInstanceLocks>.Instance);
    }

    [Fact]
    public async Task Runs_of_one_instance_on_two_nodes_never_overlap()
    {
        var nodes = new[] { Node(), Node() };
        var inside = 0;
        var overlaps = 0;
        var runs = 0;
        await using var probe = NpgsqlDataSource.Create(_database.ConnectionString);

        async Task RunAsync(IInstanceLocks locks)
        {
            for (var i = 0; i < 25; i++)
                await using (await locks.AcquireAsync("instance-1", CancellationToken.None))
                {
                    if (Interlocked.Increment(ref inside) != 1) Interlocked.Increment(ref overlaps);
                    // A round trip while holding the lock, as a step's work would: a window for another node to slip in.
                    await using (var command = probe.CreateCommand("SELECT 1")) await command.ExecuteScalarAsync();
                    await Task.Yield();
                    Interlocked.Increment(ref runs);
                    Interlocked.Decrement(ref inside);
                }
        }

        // Three callers per node: the local lock queues a node's own callers, the advisory lock the other node's.
        await Task.WhenAll(nodes.SelectMany(node => Enumerable.Range(0, 3).Select(_ => Task.Run(() => RunAsync(node))))).WaitAsync(Deadline * 3);

        runs.Should().Be(2 * 3 * 25);
        overlaps.Should().Be(0);
        (await Eventually.HoldsAsync(async () => await AdvisoryLocksHeldAsync() == 0)).Should().BeTrue("every lock is released after its run");
    }

    [Fact]
    public async Task Another_instance_is_not_held_up_by_a_locked_one()
    {
        var (a, b) = (Node(), Node());
        await using (await a.AcquireAsync("busy", CancellationToken.None))
        {
            var other = await b.AcquireAsync("free", CancellationToken.None).AsTask().WaitAsync(Deadline);
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_new_instance_takes_only_the_nodes_own_lock()
    {
        var node = Node();
        var held = await node.AcquireNewAsync("fresh", CancellationToken.None);
        (await AdvisoryLocksHeldAsync()).Should().Be(0, "no other node can know an id made up for a start");
        var second = node.AcquireAsync("fresh", CancellationToken.None).AsTask();
        second.IsCompleted.Should().BeFalse("the node's own callers still queue");

        await held.DisposeAsync();
        await (await second.WaitAsync(Deadline)).DisposeAsync();
    }

    [Fact]
    public async Task A_node_waits_until_the_other_node_releases_after_its_commit()
    {
        var (a, b) = (Node(), Node());
        var held = await a.AcquireAsync("instance-2", CancellationToken.None);
        var waiting = b.AcquireAsync("instance-2", CancellationToken.None).AsTask();
        (await Eventually.HoldsAsync(async () => await WaitersAsync() == 1)).Should().BeTrue("node B waits on the server for node A's lock");
        waiting.IsCompleted.Should().BeFalse();

        await held.DisposeAsync();
        await (await waiting.WaitAsync(Deadline)).DisposeAsync();
        (await Eventually.HoldsAsync(async () => await AdvisoryLocksHeldAsync() == 0)).Should().BeTrue();
    }

    [Fact]
    public async Task A_node_that_dies_mid_run_loses_its_lock()
    {
        var (a, b) = (Node(), Node());
        _ = await a.AcquireAsync("instance-3", CancellationToken.None);
        var waiting = b.AcquireAsync("instance-3", CancellationToken.None).AsTask();
        (await Eventually.HoldsAsync(async () => await WaitersAsync() == 1)).Should().BeTrue();

        // Node A's process is gone: the server ends its session, and its advisory locks with it.
        await using (var kill = NpgsqlDataSource.Create(_database.ConnectionString))
        await using (var command = kill.CreateCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
            await command.ExecuteNonQueryAsync();

        await (await waiting.WaitAsync(Deadline)).DisposeAsync();
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_no_lock_behind()
    {
        var (a, b) = (Node(), Node());
        var held = await a.AcquireAsync("instance-4", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = b.AcquireAsync("instance-4", cancel.Token).AsTask();
        (await Eventually.HoldsAsync(async () => await WaitersAsync() == 1)).Should().BeTrue();

        await cancel.CancelAsync();
        await FluentActions.Awaiting(() => waiting.WaitAsync(Deadline)).Should().ThrowAsync<OperationCanceledException>();
        await held.DisposeAsync();

        (await Eventually.HoldsAsync(async () => await AdvisoryLocksHeldAsync() == 0)).Should().BeTrue("the cancelled wait holds nothing");
        await (await b.AcquireAsync("instance-4", CancellationToken.None).AsTask().WaitAsync(Deadline)).DisposeAsync();
        await (await a.AcquireAsync("instance-4", CancellationToken.None).AsTask().WaitAsync(Deadline)).DisposeAsync();
    }

    private Task<long> AdvisoryLocksHeldAsync() => CountLocksAsync(granted: true);

    private Task<long> WaitersAsync() => CountLocksAsync(granted: false);

    private async Task<long> CountLocksAsync(bool granted)
    {
        await using var dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = granted });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
