using Itsm.Orchestrator.Persistence;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>Records and follow-up work live and die with the instance write that carries them.</summary>
public sealed class RecordAndOutboxStoreTests : StoreTestBase
{
    private static RecordWrite Record(string id, string json = "{\"status\":\"logged\"}") => new("incident", id, json, "i1", "log", T0);

    private static OutboxRecord Work(string id) => new(id, "event.deliver", "i1", "{}", T0, T0, 0, null);

    [Fact]
    public async Task Records_and_follow_up_work_commit_with_the_instance_write()
    {
        await Store.CommitAsync([Create(Instance("i1")) with { Records = [Record("INC-1")], Outbox = [Work("o1")] }], Ct);

        var record = await Store.FindRecordAsync("incident", "INC-1", Ct);
        record!.Version.Should().Be(1);
        record.ActivityId.Should().Be("log");
        (await Queries.ListOutboxAsync(0, 10, Ct)).Items.Should().ContainSingle(o => o.Id == "o1");
    }

    [Fact]
    public async Task A_write_that_fails_after_its_record_rolls_the_record_back_with_the_step()
    {
        await Store.CommitAsync([Create(Instance("i1"))], Ct);

        // The record goes in, then the unit fails (two follow-up rows with one id): nothing of it may remain.
        var failing = Update(Instance("i1", revision: 2), 1, journal: [Journal("i1", 1)]) with
        {
            Records = [Record("INC-1")],
            Outbox = [Work("dup"), Work("dup")],
        };
        var act = () => Store.CommitAsync([failing], Ct);
        await act.Should().ThrowAsync<Exception>();

        (await Store.FindRecordAsync("incident", "INC-1", Ct)).Should().BeNull("a record never exists without its step");
        (await Store.FindInstanceAsync("i1", Ct))!.Revision.Should().Be(1, "nor a step without its record");
        (await Queries.ListJournalAsync("i1", 0, 10, Ct)).Should().BeEmpty();
        (await Queries.ListOutboxAsync(0, 10, Ct)).Total.Should().Be(0);
    }

    [Fact]
    public async Task Upserting_a_record_again_counts_its_version_and_a_delete_removes_it()
    {
        await Store.CommitAsync([Create(Instance("i1")) with { Records = [Record("INC-1")] }], Ct);
        await Store.CommitAsync([Update(Instance("i1", revision: 2), 1) with { Records = [Record("INC-1", "{\"status\":\"resolved\"}")] }], Ct);

        var record = await Store.FindRecordAsync("incident", "INC-1", Ct);
        record!.Version.Should().Be(2);
        record.DataJson.Should().Contain("resolved");

        await Store.CommitAsync([Update(Instance("i1", revision: 3), 2) with { Records = [Record("INC-1", null!)] }], Ct);
        (await Store.FindRecordAsync("incident", "INC-1", Ct)).Should().BeNull();
    }

    [Fact]
    public async Task A_record_changed_since_it_was_read_refuses_the_whole_commit()
    {
        await Store.CommitAsync([Create(Instance("i1")) with { Records = [Record("INC-1") with { ExpectedVersion = 0 }] }], Ct);
        await Store.CommitAsync([Update(Instance("i1", revision: 2), 1) with
        {
            Records = [Record("INC-1", "{\"status\":\"assigned\"}") with { ExpectedVersion = 1 }],
        }], Ct);

        // Made from version 1, which another write has moved on from: nothing of this commit may land.
        var stale = Update(Instance("i1", revision: 3), 2, journal: [Journal("i1", 1)]) with
        {
            Records = [Record("INC-2"), Record("INC-1", "{\"status\":\"resolved\"}") with { ExpectedVersion = 1 }],
            Outbox = [Work("o1")],
        };
        var conflict = await FluentActions.Awaiting(() => Store.CommitAsync([stale], Ct)).Should().ThrowAsync<RecordConflictException>();
        conflict.Which.RecordId.Should().Be("INC-1");

        var record = await Store.FindRecordAsync("incident", "INC-1", Ct);
        record!.Version.Should().Be(2);
        record.DataJson.Should().Contain("assigned");
        (await Store.FindRecordAsync("incident", "INC-2", Ct)).Should().BeNull("the commit's other records go with it");
        (await Store.FindInstanceAsync("i1", Ct))!.Revision.Should().Be(2);
        (await Queries.ListOutboxAsync(0, 10, Ct)).Total.Should().Be(0);

        // "Did not exist" is a version too: creating a record somebody else created first is refused as well.
        await FluentActions.Awaiting(() => Store.CommitAsync([Create(Instance("i2")) with { Records = [Record("INC-1") with { ExpectedVersion = 0 }] }], Ct))
            .Should().ThrowAsync<RecordConflictException>();
        (await Store.FindInstanceAsync("i2", Ct)).Should().BeNull();

        // A record deleted since it was read is not brought back by the change made from it.
        await Store.WriteRecordsAsync([new RecordWrite("incident", "INC-1", null, "", "", T0) { Actor = "alice" }], [], Ct);
        conflict = await FluentActions.Awaiting(() => Store.CommitAsync([Update(Instance("i1", revision: 3), 2) with
        {
            Records = [Record("INC-1", "{\"status\":\"resolved\"}") with { ExpectedVersion = 2 }],
        }], Ct)).Should().ThrowAsync<RecordConflictException>();
        conflict.Which.RecordId.Should().Be("INC-1");
        (await Store.FindRecordAsync("incident", "INC-1", Ct)).Should().BeNull("a deleted record stays deleted");
        (await Store.FindInstanceAsync("i1", Ct))!.Revision.Should().Be(2);
    }

    [Fact]
    public async Task Claimed_work_is_hidden_until_its_lease_ends_and_failures_count_attempts()
    {
        await Store.CommitAsync([Create(Instance("i1")) with { Outbox = [Work("o1")] }], Ct);

        (await Store.ClaimOutboxAsync(T0, T0.AddSeconds(30), 10, Ct)).Should().ContainSingle();
        (await Store.ClaimOutboxAsync(T0.AddSeconds(10), T0.AddSeconds(40), 10, Ct)).Should().BeEmpty("another claimer holds the lease");
        await Store.FailOutboxAsync("o1", T0.AddMinutes(1), "receiver down", Ct);
        (await Store.ClaimOutboxAsync(T0.AddSeconds(59), T0.AddSeconds(90), 10, Ct)).Should().BeEmpty("backing off");
        var again = (await Store.ClaimOutboxAsync(T0.AddMinutes(1), T0.AddMinutes(2), 10, Ct)).Single();
        again.Attempts.Should().Be(1);
        again.LastError.Should().Be("receiver down");
        (await Store.CompleteOutboxAsync("o1", Ct)).Should().BeTrue();
        (await Store.CompleteOutboxAsync("o1", Ct)).Should().BeFalse("completing twice is harmless");
    }

    [Fact]
    public async Task Due_timers_leave_out_faulted_instances_and_stop_at_the_horizon()
    {
        await Store.CommitAsync([
            Create(Instance("i1"), bookmarks: [Bookmark("t1", "i1", "Elsa.Delay", null, resumeAt: T0.AddMinutes(1))]),
            Create(Instance("i2", status: Itsm.Activities.Model.InstanceStatus.Faulted), bookmarks: [Bookmark("t2", "i2", "Elsa.Delay", null, resumeAt: T0.AddMinutes(1))]),
            Create(Instance("i3"), bookmarks: [Bookmark("t3", "i3", "Elsa.Delay", null, resumeAt: T0.AddDays(1))]),
        ], Ct);

        (await Store.ListDueTimersAsync(T0.AddMinutes(10), 100, Ct)).Select(t => t.Id).Should().Equal("t1");
    }
}
