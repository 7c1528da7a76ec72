using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence.Sqlite;

/// <summary>
/// Drives the writer directly so units provably share one batch: a gate unit holds the first batch open
/// while the units under test queue up behind it, and they are then drained into a single transaction.
/// </summary>
public sealed class GroupCommitWriterTests : StoreTestBase
{
    [Fact]
    public async Task A_conflicting_unit_is_rolled_back_alone_and_the_rest_of_its_batch_commits()
    {
        await Store.CommitAsync([Create(Instance("existing", revision: 2))], Ct);
        await using var writer = NewWriter();
        using var gate = new Gate();
        var held = writer.WriteAsync(gate, Ct);
        gate.WaitUntilEntered();

        var before = writer.WriteAsync(new CommitUnit([Create(Instance("before"), [Bookmark("b-before", "before")])], Ct), Ct);
        var conflicting = writer.WriteAsync(
            new CommitUnit(
                [Create(Instance("partial"), [Bookmark("b-partial", "partial")]), Update(Instance("existing", revision: 3), expectedRevision: 1)],
                Ct),
            Ct);
        var after = writer.WriteAsync(new CommitUnit([Create(Instance("after"))], Ct), Ct);
        gate.Release();

        await held;
        await before;
        await after;
        await conflicting.Invoking(t => t).Should().ThrowAsync<ConcurrencyConflictException>();
        (await Store.FindInstanceAsync("before", Ct)).Should().NotBeNull();
        (await Store.FindBookmarkAsync("b-before", Ct)).Should().NotBeNull();
        (await Store.FindInstanceAsync("after", Ct)).Should().NotBeNull();
        (await Store.FindInstanceAsync("partial", Ct)).Should().BeNull("the unit's first write is undone with its savepoint");
        (await Store.FindBookmarkAsync("b-partial", Ct)).Should().BeNull();
        (await Store.FindInstanceAsync("existing", Ct))!.Revision.Should().Be(2);
    }

    [Fact]
    public async Task A_unit_refused_by_its_revision_check_fails_alone_without_undoing_its_neighbours()
    {
        await Store.CommitAsync([Create(Instance("stale", revision: 5))], Ct);
        await using var writer = NewWriter();
        using var gate = new Gate();
        var held = writer.WriteAsync(gate, Ct);
        gate.WaitUntilEntered();

        var before = writer.WriteAsync(new CommitUnit([Create(Instance("first"), [Bookmark("b-first", "first")])], Ct), Ct);
        var refused = writer.WriteAsync(new CommitUnit([Update(Instance("stale", revision: 4), expectedRevision: 3)], Ct), Ct);
        var after = writer.WriteAsync(new CommitUnit([Create(Instance("second"), [Bookmark("b-second", "second")])], Ct), Ct);
        gate.Release();

        await held;
        await before;
        await after;
        await refused.Invoking(t => t).Should().ThrowAsync<ConcurrencyConflictException>();
        (await Store.FindBookmarkAsync("b-first", Ct)).Should().NotBeNull();
        (await Store.FindBookmarkAsync("b-second", Ct)).Should().NotBeNull();
        (await Store.FindInstanceAsync("stale", Ct))!.Revision.Should().Be(5);
    }

    [Fact]
    public async Task A_failure_of_the_whole_transaction_fails_every_unit_of_the_batch_and_the_writer_recovers()
    {
        await using var writer = NewWriter();
        using var gate = new Gate();
        var held = writer.WriteAsync(gate, Ct);
        gate.WaitUntilEntered();

        var first = writer.WriteAsync(new CommitUnit([Create(Instance("first"))], Ct), Ct);
        var broken = writer.WriteAsync(new DelegateUnit(_ => throw new SqliteException("disk I/O error", 10)), Ct);
        var last = writer.WriteAsync(new CommitUnit([Create(Instance("last"))], Ct), Ct);
        gate.Release();
        await held;

        await first.Invoking(t => t).Should().ThrowAsync<SqliteException>().WithMessage("*disk I/O error*");
        await broken.Invoking(t => t).Should().ThrowAsync<SqliteException>();
        await last.Invoking(t => t).Should().ThrowAsync<SqliteException>();
        (await Store.FindInstanceAsync("first", Ct)).Should().BeNull();
        (await Store.FindInstanceAsync("last", Ct)).Should().BeNull();

        await writer.WriteAsync(new CommitUnit([Create(Instance("next"))], Ct), Ct);
        (await Store.FindInstanceAsync("next", Ct)).Should().NotBeNull();
    }

    [Fact]
    public async Task Queued_units_are_drained_into_one_transaction()
    {
        await using var writer = NewWriter();
        using var gate = new Gate();
        var held = writer.WriteAsync(gate, Ct);
        gate.WaitUntilEntered();

        var units = Enumerable.Range(0, 100)
            .Select(n => writer.WriteAsync(new CommitUnit([Create(Instance($"i{n}"), journal: [Journal($"i{n}", 1)])], Ct), Ct))
            .ToList();
        gate.Release();
        await held;
        await Task.WhenAll(units);

        writer.CommittedTransactions.Should().Be(2, "the gate's batch, then one batch with all 100 queued units");
        (await Queries.ListInstancesAsync(new InstanceQuery(), Ct)).TotalCount.Should().Be(100);
    }

    [Fact]
    public async Task A_unit_cancelled_before_its_turn_is_not_written()
    {
        await using var writer = NewWriter();
        using var gate = new Gate();
        var held = writer.WriteAsync(gate, Ct);
        gate.WaitUntilEntered();

        using var cancellation = new CancellationTokenSource();
        var cancelled = writer.WriteAsync(new CommitUnit([Create(Instance("cancelled"))], cancellation.Token), cancellation.Token);
        await cancellation.CancelAsync();
        gate.Release();
        await held;

        await cancelled.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await Store.FindInstanceAsync("cancelled", Ct)).Should().BeNull();
    }

    private GroupCommitWriter NewWriter()
    {
        var options = Host.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        return new GroupCommitWriter(options.BuildConnectionString(pooling: false), 256, NullLogger.Instance);
    }

    private sealed class DelegateUnit(Func<WriterStatements, bool> apply) : WriteUnit(CancellationToken.None)
    {
        public override bool Apply(WriterStatements statements) => apply(statements);
    }

    /// <summary>A unit that blocks the writer (inside its batch) until released.</summary>
    private sealed class Gate() : WriteUnit(CancellationToken.None), IDisposable
    {
        private readonly ManualResetEventSlim _entered = new();
        private readonly ManualResetEventSlim _release = new();

        public override bool Apply(WriterStatements statements)
        {
            _entered.Set();
            _release.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
            return true;
        }

        public void WaitUntilEntered() => _entered.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();

        public void Release() => _release.Set();

        public void Dispose()
        {
            _entered.Dispose();
            _release.Dispose();
        }
    }
}
