using Itsm.Activities.Model;
using Itsm.Orchestrator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>A bookmark's human task lives in its own Tasks row, written and removed in the bookmark's commit.</summary>
public sealed class TaskTableTests : StoreTestBase
{
    [Fact]
    public async Task Every_task_field_round_trips_through_the_writer_the_reads_and_the_inbox()
    {
        var bookmark = Bookmark("t1", "i1", kind: BookmarkKinds.RunTask, key: "triage", role: "ServiceDesk", title: "Triage", priority: 2);
        await Store.CommitAsync([Create(Instance("i1"), [bookmark])], Ct);

        bookmark.Task.Should().Be(new HumanTask { Role = "ServiceDesk", Title = "Triage", DueAt = T0.AddDays(1), Priority = 2 });
        (await Store.FindBookmarkAsync("t1", Ct)).Should().Be(bookmark);
        (await Store.FindBookmarksAsync(BookmarkKinds.RunTask, "triage", null, null, Ct)).Should().Equal(bookmark);
        (await Store.FindBookmarksAsync(BookmarkKinds.RunTask, "triage", null, "i1", Ct)).Should().Equal(bookmark);
        (await Store.ListBookmarksOfInstanceAsync("i1", Ct)).Should().Equal(bookmark);
        (await Queries.ListTasksAsync(new TaskQuery { Role = "ServiceDesk" }, Ct)).Should().Equal(bookmark);
    }

    [Fact]
    public async Task A_bookmark_without_a_task_writes_no_task_row_and_reads_back_without_one()
    {
        var bookmark = Bookmark("e1", "i1");
        await Store.CommitAsync([Create(Instance("i1"), [bookmark])], Ct);

        (await Store.FindBookmarkAsync("e1", Ct))!.Task.Should().BeNull();
        (await TaskRowsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_task_row_is_removed_with_its_bookmark()
    {
        await Store.CommitAsync([Create(Instance("i1"), [Bookmark("t1", "i1", role: "ServiceDesk", title: "Triage")])], Ct);
        (await TaskRowsAsync()).Should().Equal("t1");

        await Store.CommitAsync([Update(Instance("i1", revision: 2), 1, removed: ["t1"])], Ct);

        (await TaskRowsAsync()).Should().BeEmpty();
        (await Queries.ListTasksAsync(new TaskQuery(), Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_commit_writes_neither_the_bookmark_nor_its_task()
    {
        await Store.CommitAsync([Create(Instance("i2"))], Ct);

        // The second write's revision is stale: the whole call is refused, the first write's task included.
        var act = () => Store.CommitAsync([
            Create(Instance("i1"), [Bookmark("t1", "i1", role: "ServiceDesk", title: "Triage")]),
            Update(Instance("i2", revision: 8), 7),
        ], Ct);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await Store.FindBookmarkAsync("t1", Ct)).Should().BeNull();
        (await TaskRowsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_an_instance_removes_its_tasks_and_keeps_the_others()
    {
        await Store.CommitAsync([Create(Instance("i1"), [Bookmark("t1", "i1", role: "ServiceDesk", title: "Triage")])], Ct);
        await Store.CommitAsync([Create(Instance("i2"), [Bookmark("t2", "i2", role: "ServiceDesk", title: "Other")])], Ct);

        (await Store.DeleteInstanceAsync("i1", Ct)).Should().BeTrue();

        (await TaskRowsAsync()).Should().Equal("t2");
    }

    private async Task<List<string>> TaskRowsAsync()
    {
        await using var context = await Host.Services.GetRequiredService<IDbContextFactory<ItsmDbContext>>().CreateDbContextAsync();
        return await context.Tasks.OrderBy(t => t.BookmarkId).Select(t => t.BookmarkId).ToListAsync();
    }
}
