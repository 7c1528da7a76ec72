using Itsm.Orchestrator.Persistence;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

public sealed class TaskListTests : StoreTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.CommitAsync([Create(Instance("i1"), [
            Bookmark("t1", "i1", role: "ServiceDesk", title: "Triage", createdAt: T0.AddMinutes(1)),
            Bookmark("t2", "i1", role: "ChangeManager", title: "Approve change", createdAt: T0.AddMinutes(2)),
            Bookmark("t3", "i1", role: null, title: "Untargeted task", createdAt: T0.AddMinutes(3)),
            Bookmark("event", "i1", createdAt: T0.AddMinutes(4)),
        ])], Ct);
        await Store.CommitAsync([Create(Instance("i2"), [
            Bookmark("t4", "i2", role: "ServiceDesk", title: "Confirm resolution", createdAt: T0.AddMinutes(5)),
            Bookmark("t5", "i2", role: "ServiceDesk", title: "Same minute", createdAt: T0.AddMinutes(5)),
            Bookmark("timer", "i2", kind: "Itsm.Delay", key: null, resumeAt: T0.AddHours(1), createdAt: T0.AddMinutes(6)),
        ])], Ct);
    }

    [Fact]
    public async Task Tasks_are_bookmarks_with_a_role_or_title_newest_first()
    {
        var tasks = await Queries.ListTasksAsync(new TaskQuery(), Ct);

        tasks.Select(t => t.Id).Should().Equal("t5", "t4", "t3", "t2", "t1");
    }

    [Fact]
    public async Task Role_and_roles_filters_keep_tasks_of_any_given_role()
    {
        (await Queries.ListTasksAsync(new TaskQuery { Role = "ServiceDesk" }, Ct)).Select(t => t.Id).Should().Equal("t5", "t4", "t1");
        (await Queries.ListTasksAsync(new TaskQuery { Roles = ["ChangeManager", "ServiceDesk"] }, Ct))
            .Select(t => t.Id).Should().Equal("t5", "t4", "t2", "t1");
        (await Queries.ListTasksAsync(new TaskQuery { Role = "ChangeManager", Roles = ["Nobody"] }, Ct)).Select(t => t.Id).Should().Equal("t2");
    }

    [Fact]
    public async Task Instance_filter_keeps_that_instances_tasks()
    {
        (await Queries.ListTasksAsync(new TaskQuery { InstanceId = "i1" }, Ct)).Select(t => t.Id).Should().Equal("t3", "t2", "t1");
    }

    [Fact]
    public async Task Keyset_paging_walks_all_tasks_including_equal_timestamps()
    {
        var walked = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await Queries.ListTasksAsync(new TaskQuery { PageSize = 2, After = after }, Ct);
            if (page.Count == 0)
            {
                break;
            }

            walked.AddRange(page.Select(t => t.Id));
            after = page[^1].Id;
        }

        walked.Should().Equal("t5", "t4", "t3", "t2", "t1");
    }

    [Fact]
    public async Task Task_rows_carry_role_title_and_due_date()
    {
        var task = (await Queries.ListTasksAsync(new TaskQuery { Role = "ChangeManager" }, Ct)).Single();

        task.Should().Be(Bookmark("t2", "i1", role: "ChangeManager", title: "Approve change", createdAt: T0.AddMinutes(2)));
    }
}
