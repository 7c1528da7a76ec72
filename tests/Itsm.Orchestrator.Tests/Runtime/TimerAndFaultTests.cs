using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Itsm.Orchestrator.Timers;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Runtime;

/// <summary>Timers come from the database (the only truth), a faulted instance keeps its waits, and poison is quarantined.</summary>
public sealed class TimerAndFaultTests
{
    // A delay in one branch; in the other, a step that fails its first run (after "go") and succeeds on retry.
    private static string DelayBesideFlakyStep() => new FlowBuilder("delay-beside-flaky")
        .Variable("Tries", "Int32", "0")
        .Variable("Done", "Boolean", "false")
        .Activity("start", "Elsa.Start")
        .Activity("fork", "Elsa.FlowFork", ("branches", Obj("String[]", "[\"Timer\",\"Work\"]")))
        .Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:05:00")))
        .Activity("done", "Elsa.SetVariable", ("variable", VariableRef("Done")), ("value", Literal("Object", "true")))
        .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "go")))
        .Activity("flaky", "Elsa.SetVariable", ("variable", VariableRef("Tries")),
            ("value", Js("Object", "const n = getTries() + 1; setTries(n); if (n < 2) throw new Error('CMDB timeout'); return n;")))
        .Activity("task", "Elsa.RunTask", ("taskName", Literal("String", "check")), ("role", Literal("String", "service desk agent")))
        .Connect("start", "fork").Connect("fork", "pause", "Timer").Connect("pause", "done")
        .Connect("fork", "wait", "Work").Connect("wait", "flaky").Connect("flaky", "task")
        .ToJson();

    [Fact]
    public async Task Timer_due_while_the_instance_is_faulted_fires_after_the_retry()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayBesideFlakyStep());
        var started = await app.Runtime.StartAsync(new StartRequest("delay-beside-flaky"), default);
        await app.Runtime.TriggerEventAsync(new EventRequest("go") { InstanceId = started.InstanceId }, default);
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Faulted);

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.Timers.FireDueAsync();
        var faulted = await app.InstanceAsync(started.InstanceId!);
        faulted.Record.Status.Should().Be(InstanceStatus.Faulted);
        faulted.Variable("Done").Should().Be(false, "nothing runs on a faulted instance");
        faulted.State.Bookmarks.Should().Contain(b => b.ResumeAt != null, "the due timer is kept, not consumed");

        (await app.Runtime.RetryAsync(started.InstanceId!, default)).Outcome.Should().Be(CommandOutcome.Done);
        await app.Timers.FireDueAsync();
        var resumed = await app.InstanceAsync(started.InstanceId!);
        resumed.Variable("Done").Should().Be(true, "the retry armed the timer again and it fired");
        resumed.Record.Status.Should().Be(InstanceStatus.Suspended, "only the task remains");
    }

    [Fact]
    public async Task Completing_a_task_of_a_faulted_instance_is_a_409_naming_the_state_and_the_task_stays_open()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("task-beside-fault")
            .Activity("start", "Elsa.Start")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("String[]", "[\"Task\",\"Fail\"]")))
            .Activity("task", "Elsa.RunTask", ("taskName", Literal("String", "approve")), ("role", Literal("String", "change manager")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "go")))
            .Activity("fail", "Elsa.Fault", ("message", Literal("String", "ledger unreachable")))
            .Connect("start", "fork").Connect("fork", "task", "Task").Connect("fork", "wait", "Fail").Connect("wait", "fail")
            .ToJson());
        var started = await app.Runtime.StartAsync(new StartRequest("task-beside-fault"), default);
        var taskId = (await app.InstanceAsync(started.InstanceId!)).State.Bookmarks.Single(b => b.Kind == BookmarkKinds.RunTask).Id;
        await app.Runtime.TriggerEventAsync(new EventRequest("go") { InstanceId = started.InstanceId }, default);

        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/elsa/api/tasks/{taskId}/complete", new { result = new { ok = true } });
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("faulted");
        (await app.Store.FindBookmarkAsync(taskId, default)).Should().NotBeNull("a faulted instance's task is not consumed");
    }

    [Fact]
    public async Task Timer_job_that_hangfire_lost_or_gave_up_on_is_armed_again_without_a_restart()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("just-delay")
            .Activity("start", "Elsa.Start").Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:05:00")))
            .Chain("start", "pause").ToJson());
        var started = await app.Runtime.StartAsync(new StartRequest("just-delay"), default);
        app.Timers.Armed.Should().ContainSingle();
        var horizon = app.Services.GetRequiredService<TimerHorizon>();

        // The job is gone (lost with in-memory storage, or out of retries): Hangfire will never run it.
        app.Timers.Drop();
        app.Clock.Advance(TimeSpan.FromMinutes(5.5));
        // (The horizon's own background scan may run too as the fake clock moves: assert on what is armed.)
        await horizon.ScanAsync(default);
        app.Timers.Armed.Should().BeEmpty("just due: its job may still be running");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await horizon.ScanAsync(default);
        app.Timers.Armed.Should().ContainSingle("still pending well after it was due: armed again");

        await app.Timers.FireDueAsync();
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Finished);
    }

    [Fact]
    public async Task Timers_beyond_the_horizon_stay_in_the_database_until_the_horizon_reaches_them()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("long-delay")
            .Activity("start", "Elsa.Start").Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "3.00:00:00")))
            .Chain("start", "pause").ToJson());
        var started = await app.Runtime.StartAsync(new StartRequest("long-delay"), default);
        app.Timers.Armed.Should().BeEmpty("three days out is beyond the default ten-minute horizon");
        var horizon = app.Services.GetRequiredService<TimerHorizon>();
        await horizon.ScanAsync(default);
        horizon.ArmedCount.Should().Be(0);
        app.Timers.Armed.Should().BeEmpty();

        app.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(5));
        await horizon.ScanAsync(default);
        app.Timers.Armed.Should().ContainSingle("five minutes out is within the horizon");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Timers.FireDueAsync();
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Finished);
    }

    [Fact]
    public async Task Instance_whose_unattended_runs_keep_dying_is_quarantined_and_an_admin_can_cancel_it()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("poisoned")
            .Activity("start", "Elsa.Start").Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:01:00")))
            .Activity("after", "Elsa.WriteLine", ("text", Literal("String", "never")))
            .Chain("start", "pause", "after").ToJson());
        var started = await app.Runtime.StartAsync(new StartRequest("poisoned"), default);
        // Three earlier runs of its timer started and never committed: each took the host down with it.
        for (var i = 0; i < 3; i++) await app.Store.CountAttemptAsync(started.InstanceId!, app.Clock.GetUtcNow(), default);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.Timers.FireDueAsync();

        var quarantined = await app.InstanceAsync(started.InstanceId!);
        quarantined.Record.Status.Should().Be(InstanceStatus.Faulted);
        quarantined.State.Fault!.Message.Should().Contain("Quarantined").And.Contain("3 earlier");
        (await app.Queries.ListJournalAsync(started.InstanceId!, 0, 50, default)).Should().NotContain(j => j.ActivityId == "after");

        using var client = app.CreateClient();
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "the host keeps serving");
        var faults = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{started.InstanceId}/faults");
        faults!["items"]!.AsArray().Should().ContainSingle();
        (await client.PostAsync($"/api/instances/{started.InstanceId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Cancelled);
    }

    [Fact]
    public async Task Unattended_run_that_reaches_its_commit_clears_its_attempt_count()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("two-delays")
            .Activity("start", "Elsa.Start")
            .Activity("a", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:01:00")))
            .Activity("b", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:01:00")))
            .Chain("start", "a", "b").ToJson());
        var started = await app.Runtime.StartAsync(new StartRequest("two-delays"), default);
        for (var i = 0; i < 2; i++) await app.Store.CountAttemptAsync(started.InstanceId!, app.Clock.GetUtcNow(), default);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Timers.FireDueAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Timers.FireDueAsync();

        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Finished,
            "three attempts in all, but the third one committed and reset the count before the fourth");
    }
}
