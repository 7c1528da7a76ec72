using Itsm.Activities.Model;
using Itsm.Orchestrator.Persistence;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

public sealed class WorkflowStoreTests : StoreTestBase
{
    [Fact]
    public async Task Committed_instance_round_trips_with_bookmarks_journal_and_faults()
    {
        var instance = Instance("i1", correlationId: "INC-1", state: "{\"vars\":{\"a\":1}}") with
        {
            ParentInstanceId = "parent",
            FaultCount = 1,
            FinishedAt = T0.AddHours(2),
            // A non-UTC offset: the store keeps the instant, not the offset.
            UpdatedAt = new DateTimeOffset(2025, 3, 1, 11, 30, 0, TimeSpan.FromHours(2)),
        };
        var bookmark = Bookmark("b1", "i1", correlationId: "INC-1", resumeAt: T0.AddMinutes(5), role: "ServiceDesk", title: "Approve");
        var journal = new[] { Journal("i1", 1), Journal("i1", 2) };
        var fault = Fault("f1", "i1");

        await Store.CommitAsync([Create(instance, [bookmark], journal, [fault])], Ct);

        var stored = await Store.FindInstanceAsync("i1", Ct);
        stored.Should().Be(instance);
        stored!.UpdatedAt.Offset.Should().Be(TimeSpan.Zero, "timestamps are stored as UTC ticks");
        (await Store.FindBookmarkAsync("b1", Ct)).Should().Be(bookmark);
        (await Store.ListBookmarksOfInstanceAsync("i1", Ct)).Should().Equal(bookmark);
        (await Queries.ListJournalAsync("i1", 0, 10, Ct)).Should().Equal(journal);
        (await Queries.CountJournalAsync("i1", Ct)).Should().Be(2);
        (await Queries.ListFaultsAsync("i1", includeResolved: false, Ct)).Should().Equal(fault);
    }

    [Fact]
    public async Task Missing_rows_are_reported_as_null_or_empty()
    {
        (await Store.FindInstanceAsync("nope", Ct)).Should().BeNull();
        (await Store.FindBookmarkAsync("nope", Ct)).Should().BeNull();
        (await Store.ListBookmarksOfInstanceAsync("nope", Ct)).Should().BeEmpty();
        (await Queries.ListJournalAsync("nope", 0, 10, Ct)).Should().BeEmpty();
        (await Queries.CountJournalAsync("nope", Ct)).Should().Be(0);
        (await Queries.ListFaultsAsync("nope", includeResolved: true, Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task Update_replaces_instance_removes_and_adds_bookmarks_and_resolves_faults()
    {
        var v1 = Instance("i1", revision: 1);
        await Store.CommitAsync([Create(v1, [Bookmark("b1", "i1"), Bookmark("b2", "i1")], [Journal("i1", 1)], [Fault("f1", "i1")])], Ct);

        var v2 = v1 with { Revision = 2, Status = InstanceStatus.Suspended, UpdatedAt = T0.AddHours(1), StateJson = "{\"v\":2}" };
        await Store.CommitAsync(
            [Update(v2, expectedRevision: 1, added: [Bookmark("b3", "i1")], removed: ["b1"], journal: [Journal("i1", 2)], resolvedFaults: ["f1"])],
            Ct);

        (await Store.FindInstanceAsync("i1", Ct)).Should().Be(v2);
        (await Store.ListBookmarksOfInstanceAsync("i1", Ct)).Select(b => b.Id).Should().BeEquivalentTo("b2", "b3");
        (await Queries.ListJournalAsync("i1", 0, 10, Ct)).Select(j => j.Sequence).Should().Equal(1, 2);
        (await Queries.ListFaultsAsync("i1", includeResolved: false, Ct)).Should().BeEmpty();
        var resolved = (await Queries.ListFaultsAsync("i1", includeResolved: true, Ct)).Should().ContainSingle().Subject;
        resolved.ResolvedAt.Should().Be(v2.UpdatedAt, "a fault is resolved at the instance's update time");
    }

    [Fact]
    public async Task Removing_and_adding_the_same_bookmark_id_in_one_write_replaces_it()
    {
        var v1 = Instance("i1", revision: 1);
        await Store.CommitAsync([Create(v1, [Bookmark("b1", "i1", key: "old")])], Ct);

        var replacement = Bookmark("b1", "i1", key: "new");
        await Store.CommitAsync([Update(v1 with { Revision = 2 }, 1, added: [replacement], removed: ["b1"])], Ct);

        (await Store.FindBookmarkAsync("b1", Ct)).Should().Be(replacement);
    }

    [Fact]
    public async Task Creating_an_existing_instance_throws_conflict_and_keeps_the_stored_one()
    {
        var original = Instance("i1", state: "{\"original\":true}");
        await Store.CommitAsync([Create(original)], Ct);

        var act = () => Store.CommitAsync([Create(Instance("i1", state: "{\"intruder\":true}"), journal: [Journal("i1", 9)])], Ct);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.InstanceId.Should().Be("i1");
        (await Store.FindInstanceAsync("i1", Ct)).Should().Be(original);
        (await Queries.CountJournalAsync("i1", Ct)).Should().Be(0);
    }

    [Fact]
    public async Task Stale_revision_update_throws_conflict_and_writes_nothing_of_its_unit_while_other_units_commit()
    {
        var stored = Instance("i1", revision: 3);
        await Store.CommitAsync([Create(stored, [Bookmark("keep", "i1")])], Ct);

        var stale = Update(
            stored with { Revision = 3, StateJson = "{\"stale\":true}" },
            expectedRevision: 2,
            added: [Bookmark("stale-bookmark", "i1")],
            removed: ["keep"],
            journal: [Journal("i1", 1)],
            faults: [Fault("stale-fault", "i1")]);
        var others = Enumerable.Range(0, 50)
            .Select(n => Store.CommitAsync([Create(Instance($"other-{n}"), [Bookmark($"ob-{n}", $"other-{n}")], [Journal($"other-{n}", 1)])], Ct))
            .ToList();
        var staleCommit = Store.CommitAsync([stale], Ct);

        await Task.WhenAll(others);
        await staleCommit.Invoking(t => t).Should().ThrowAsync<ConcurrencyConflictException>();

        (await Store.FindInstanceAsync("i1", Ct)).Should().Be(stored);
        (await Store.ListBookmarksOfInstanceAsync("i1", Ct)).Select(b => b.Id).Should().Equal("keep");
        (await Queries.CountJournalAsync("i1", Ct)).Should().Be(0);
        (await Queries.ListFaultsAsync("i1", includeResolved: true, Ct)).Should().BeEmpty();
        for (var n = 0; n < 50; n++)
        {
            (await Store.FindInstanceAsync($"other-{n}", Ct)).Should().NotBeNull();
            (await Store.FindBookmarkAsync($"ob-{n}", Ct)).Should().NotBeNull();
        }
    }

    [Fact]
    public async Task Writes_of_one_commit_are_atomic_when_a_later_instance_conflicts()
    {
        await Store.CommitAsync([Create(Instance("parent", revision: 5))], Ct);

        // A parent burst that starts a child: the child insert succeeds, the parent update conflicts.
        var act = () => Store.CommitAsync(
            [
                Create(Instance("child"), [Bookmark("child-b", "child")], [Journal("child", 1)]),
                Update(Instance("parent", revision: 6), expectedRevision: 4),
            ],
            Ct);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await Store.FindInstanceAsync("child", Ct)).Should().BeNull();
        (await Store.FindBookmarkAsync("child-b", Ct)).Should().BeNull();
        (await Queries.CountJournalAsync("child", Ct)).Should().Be(0);
        (await Store.FindInstanceAsync("parent", Ct))!.Revision.Should().Be(5);
    }

    [Fact]
    public async Task Parent_and_child_written_in_one_commit_are_both_stored()
    {
        await Store.CommitAsync([Create(Instance("parent"))], Ct);

        await Store.CommitAsync(
            [Update(Instance("parent", revision: 2), 1), Create(Instance("child") with { ParentInstanceId = "parent" })], Ct);

        (await Store.FindInstanceAsync("parent", Ct))!.Revision.Should().Be(2);
        (await Store.FindInstanceAsync("child", Ct))!.ParentInstanceId.Should().Be("parent");
    }

    [Fact]
    public async Task Concurrent_commits_with_same_expected_revision_commit_once()
    {
        await Store.CommitAsync([Create(Instance("i1", revision: 1))], Ct);

        var attempts = Enumerable.Range(0, 50)
            .Select(n => Store.CommitAsync(
                [Update(Instance("i1", revision: 2, state: $"{{\"winner\":{n}}}"), expectedRevision: 1, journal: [Journal("i1", n)])],
                Ct))
            .ToList();
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (ConcurrencyConflictException)
        {
            // Expected for all but one; inspected below.
        }

        attempts.Count(t => t.IsCompletedSuccessfully).Should().Be(1);
        attempts.Where(t => !t.IsCompletedSuccessfully)
            .Should().AllSatisfy(t => t.Exception!.InnerException.Should().BeOfType<ConcurrencyConflictException>());
        var winner = attempts.FindIndex(t => t.IsCompletedSuccessfully);
        var stored = await Store.FindInstanceAsync("i1", Ct);
        stored!.Revision.Should().Be(2);
        stored.StateJson.Should().Be($"{{\"winner\":{winner}}}");
        (await Queries.ListJournalAsync("i1", 0, 100, Ct)).Select(j => j.Sequence).Should().Equal(winner);
    }

    [Fact]
    public async Task Two_hundred_parallel_commits_are_all_durable_and_counted()
    {
        const int count = 200;
        await Task.WhenAll(Enumerable.Range(0, count).Select(n => Task.Run(() => Store.CommitAsync(
            [Create(Instance($"i{n:D3}"), [Bookmark($"b{n:D3}", $"i{n:D3}")], [Journal($"i{n:D3}", 1), Journal($"i{n:D3}", 2)])],
            Ct))));

        await RestartAsync();

        (await Queries.ListInstancesAsync(new InstanceQuery { PageSize = 1 }, Ct)).TotalCount.Should().Be(count);
        for (var n = 0; n < count; n++)
        {
            (await Store.FindInstanceAsync($"i{n:D3}", Ct)).Should().NotBeNull();
            (await Store.FindBookmarkAsync($"b{n:D3}", Ct)).Should().NotBeNull();
            (await Queries.CountJournalAsync($"i{n:D3}", Ct)).Should().Be(2);
        }
    }

    [Fact]
    public async Task Sequential_updates_of_many_instances_in_parallel_all_commit()
    {
        // Each "instance loop" commits 20 bursts in order while 20 loops run at once: group commit must keep
        // every instance's revision chain intact.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(n => Task.Run(async () =>
        {
            var id = $"loop-{n}";
            await Store.CommitAsync([Create(Instance(id, revision: 1))], Ct);
            for (var revision = 2; revision <= 20; revision++)
            {
                await Store.CommitAsync([Update(Instance(id, revision: revision), revision - 1, journal: [Journal(id, revision)])], Ct);
            }
        })));

        for (var n = 0; n < 20; n++)
        {
            (await Store.FindInstanceAsync($"loop-{n}", Ct))!.Revision.Should().Be(20);
            (await Queries.CountJournalAsync($"loop-{n}", Ct)).Should().Be(19);
        }
    }

    [Fact]
    public async Task A_new_store_on_the_same_file_sees_everything_committed()
    {
        var instance = Instance("i1", revision: 1);
        var bookmark = Bookmark("b1", "i1", resumeAt: T0.AddMinutes(10));
        await Store.CommitAsync([Create(instance, [bookmark], [Journal("i1", 1)], [Fault("f1", "i1")])], Ct);
        await Definitions.SaveAsync([Definition("incident", 1, isLatest: true, isPublished: true)], Ct);

        await RestartAsync();

        (await Store.FindInstanceAsync("i1", Ct)).Should().Be(instance);
        (await Store.FindBookmarkAsync("b1", Ct)).Should().Be(bookmark);
        (await Store.ListTimerBookmarksAsync(Ct)).Should().Equal(bookmark);
        (await Queries.CountJournalAsync("i1", Ct)).Should().Be(1);
        (await Queries.ListFaultsAsync("i1", includeResolved: true, Ct)).Should().ContainSingle();
        (await Definitions.FindPublishedAsync("incident", Ct))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task Find_bookmarks_matches_kind_and_key_and_narrows_by_correlation_and_instance()
    {
        await Store.CommitAsync([Create(Instance("i1"), [
            Bookmark("e1", "i1", kind: "Elsa.Event", key: "approved", correlationId: "INC-1"),
            Bookmark("e2", "i1", kind: "Elsa.Event", key: "rejected", correlationId: "INC-1"),
            Bookmark("h1", "i1", kind: "Elsa.HttpEndpoint", key: "POST:incidents/confirm"),
            Bookmark("n1", "i1", kind: "Itsm.Signal", key: null),
        ])], Ct);
        await Store.CommitAsync([Create(Instance("i2"), [
            Bookmark("e3", "i2", kind: "Elsa.Event", key: "approved", correlationId: "INC-2"),
        ])], Ct);

        (await Store.FindBookmarksAsync("Elsa.Event", "approved", null, null, Ct)).Select(b => b.Id).Should().BeEquivalentTo("e1", "e3");
        (await Store.FindBookmarksAsync("Elsa.Event", "approved", "INC-2", null, Ct)).Select(b => b.Id).Should().Equal("e3");
        (await Store.FindBookmarksAsync("Elsa.Event", "approved", null, "i1", Ct)).Select(b => b.Id).Should().Equal("e1");
        (await Store.FindBookmarksAsync("Elsa.Event", "approved", "INC-1", "i2", Ct)).Should().BeEmpty();
        (await Store.FindBookmarksAsync("Elsa.HttpEndpoint", "POST:incidents/confirm", null, null, Ct)).Select(b => b.Id).Should().Equal("h1");
        (await Store.FindBookmarksAsync("Itsm.Signal", null, null, null, Ct)).Select(b => b.Id).Should().Equal("n1");
        (await Store.FindBookmarksAsync("Elsa.Event", "unknown", null, null, Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task Timer_bookmarks_are_listed_in_resume_order()
    {
        await Store.CommitAsync([Create(Instance("i1"), [
            Bookmark("late", "i1", kind: "Itsm.Delay", key: null, resumeAt: T0.AddHours(2)),
            Bookmark("event", "i1"),
            Bookmark("early", "i1", kind: "Itsm.Delay", key: null, resumeAt: T0.AddHours(1)),
        ])], Ct);

        (await Store.ListTimerBookmarksAsync(Ct)).Select(b => b.Id).Should().Equal("early", "late");
    }

    [Fact]
    public async Task Journal_pages_in_sequence_order()
    {
        await Store.CommitAsync([Create(Instance("i1"), journal: [.. Enumerable.Range(1, 10).Select(n => Journal("i1", n))])], Ct);

        (await Queries.ListJournalAsync("i1", 3, 4, Ct)).Select(j => j.Sequence).Should().Equal(4, 5, 6, 7);
        (await Queries.ListJournalAsync("i1", 8, 10, Ct)).Select(j => j.Sequence).Should().Equal(9, 10);
        (await Queries.ListJournalAsync("i1", 0, 0, Ct)).Should().BeEmpty();
        (await Queries.CountJournalAsync("i1", Ct)).Should().Be(10);
    }

    [Fact]
    public async Task Delete_instance_removes_its_rows_and_leaves_other_instances()
    {
        await Store.CommitAsync([Create(Instance("i1"), [Bookmark("b1", "i1")], [Journal("i1", 1)], [Fault("f1", "i1")])], Ct);
        await Store.CommitAsync([Create(Instance("i2"), [Bookmark("b2", "i2")], [Journal("i2", 1)], [Fault("f2", "i2")])], Ct);

        (await Store.DeleteInstanceAsync("i1", Ct)).Should().BeTrue();

        (await Store.FindInstanceAsync("i1", Ct)).Should().BeNull();
        (await Store.FindBookmarkAsync("b1", Ct)).Should().BeNull();
        (await Queries.CountJournalAsync("i1", Ct)).Should().Be(0);
        (await Queries.ListFaultsAsync("i1", includeResolved: true, Ct)).Should().BeEmpty();
        (await Store.FindInstanceAsync("i2", Ct)).Should().NotBeNull();
        (await Store.FindBookmarkAsync("b2", Ct)).Should().NotBeNull();
        (await Queries.CountJournalAsync("i2", Ct)).Should().Be(1);
        (await Store.DeleteInstanceAsync("i1", Ct)).Should().BeFalse();
    }

    [Fact]
    public async Task A_write_that_breaks_a_constraint_fails_alone()
    {
        await Store.CommitAsync([Create(Instance("i1"), [Bookmark("dup", "i1")])], Ct);

        // Bookmark ids are unique: the second unit inserting "dup" again is refused by the database.
        var bad = Store.CommitAsync([Create(Instance("i2"), [Bookmark("dup", "i2")])], Ct);
        var good = Store.CommitAsync([Create(Instance("i3"), [Bookmark("ok", "i3")])], Ct);

        await bad.Invoking(t => t).Should().ThrowAsync<System.Data.Common.DbException>();
        await good;
        (await Store.FindInstanceAsync("i2", Ct)).Should().BeNull();
        (await Store.FindInstanceAsync("i3", Ct)).Should().NotBeNull();
        (await Store.FindBookmarkAsync("dup", Ct))!.InstanceId.Should().Be("i1");
    }

    [Fact]
    public async Task Commit_with_an_already_cancelled_token_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => Store.CommitAsync([Create(Instance("i1"))], cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Store.FindInstanceAsync("i1", Ct)).Should().BeNull();
    }
}
