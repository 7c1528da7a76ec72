using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Persistence.Sqlite;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence.Sqlite;

/// <summary>What the SQLite store adds to the store contract (<see cref="WorkflowStoreTests"/>): one group-commit writer.</summary>
public sealed class SqliteWorkflowStoreTests : StoreTestBase
{
    [Fact]
    public async Task Concurrent_commits_share_transactions()
    {
        const int count = 200;
        await Task.WhenAll(Enumerable.Range(0, count).Select(n => Task.Run(() => Store.CommitAsync(
            [Create(Instance($"i{n:D3}"), [Bookmark($"b{n:D3}", $"i{n:D3}")], [Journal($"i{n:D3}", 1), Journal($"i{n:D3}", 2)])],
            Ct))));

        ((SqliteWorkflowStore)Store).CommittedTransactions.Should().BeLessThan(count, "concurrent commits share transactions");
        (await Queries.ListInstancesAsync(new InstanceQuery { PageSize = 1 }, Ct)).TotalCount.Should().Be(count);
    }

    [Fact]
    public async Task Disposing_the_store_completes_pending_commits_first()
    {
        var store = (SqliteWorkflowStore)Store;
        var pending = Enumerable.Range(0, 100).Select(n => store.CommitAsync([Create(Instance($"i{n}"))], Ct)).ToList();

        await store.DisposeAsync();

        await Task.WhenAll(pending);
        var afterDispose = () => store.CommitAsync([Create(Instance("late"))], Ct);
        await afterDispose.Should().ThrowAsync<ObjectDisposedException>();

        await RestartAsync();
        (await Queries.ListInstancesAsync(new InstanceQuery(), Ct)).TotalCount.Should().Be(100);
    }
}
