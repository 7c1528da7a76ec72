using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Runtime;

/// <summary>A call that loses a revision race to another caller or node is run again, and never answers 500.</summary>
public sealed class ConflictRetryTests
{
    private static (ItsmAppFactory App, Func<ConflictingStore> Control) AppWithConflicts()
    {
        ConflictingStore? control = null;
        var app = new ItsmAppFactory
        {
            TestServices = services => ConflictingStore.Decorate(services, c => control = c),
        };
        return (app, () => control!);
    }

    private static string TaskFlow() => new FlowBuilder("conflict-task")
        .Variable("Answer", "Object")
        .Activity("start", "Elsa.Start")
        .Activity("task", "Elsa.RunTask", ("taskName", Literal("String", "approve")), ("role", Literal("String", "change manager")))
        .Chain("start", "task")
        .ToJson();

    [Fact]
    public async Task Task_completion_that_lost_a_revision_race_is_run_again_and_succeeds_once()
    {
        var (app, control) = AppWithConflicts();
        await using var _ = app;
        await app.PublishAsync(TaskFlow());
        var started = await app.Runtime.StartAsync(new StartRequest("conflict-task"), default);
        var taskId = (await app.InstanceAsync(started.InstanceId!)).State.Bookmarks.Single().Id;
        control().Conflicts = 2;
        var before = control().Commits;

        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/elsa/api/tasks/{taskId}/complete", new { result = new { ok = true } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (control().Commits - before).Should().Be(3, "two refused commits, then the one that landed");
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Finished);
        (await app.Queries.ListJournalAsync(started.InstanceId!, 0, 50, default)).Count(j => j.ActivityId == "task" && j.EventName == "Completed")
            .Should().Be(1);
    }

    [Fact]
    public async Task Call_that_keeps_losing_revision_races_is_a_409_problem_and_the_task_stays_open()
    {
        var (app, control) = AppWithConflicts();
        await using var _ = app;
        await app.PublishAsync(TaskFlow());
        var started = await app.Runtime.StartAsync(new StartRequest("conflict-task"), default);
        var taskId = (await app.InstanceAsync(started.InstanceId!)).State.Bookmarks.Single().Id;
        control().Conflicts = 1000;

        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/elsa/api/tasks/{taskId}/complete", new { result = new { ok = true } });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        control().Conflicts = 0;
        (await app.Store.FindBookmarkAsync(taskId, default)).Should().NotBeNull();
    }
}
