using System.Text.Json.Nodes;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Runtime;

public sealed class WorkflowRuntimeTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Services; // boot the host: migrate, seed, warm
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string WaitThenDelayFlow(string id) => new FlowBuilder(id)
        .Variable("Done", "Boolean", "false")
        .Activity("start", "Elsa.Start")
        .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "go")))
        .Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:05:00")))
        .Activity("done", "Elsa.SetVariable", ("variable", VariableRef("Done")), ("value", Literal("Object", "true")))
        .Chain("start", "wait", "pause", "done")
        .ToJson();

    [Fact]
    public async Task Delay_resumes_when_the_fake_clock_reaches_its_due_time_and_not_before()
    {
        await _app.PublishAsync(WaitThenDelayFlow("delay-flow"));
        var started = await _app.Runtime.StartAsync(new StartRequest("delay-flow") { CorrelationId = "c-1" }, default);
        await _app.Runtime.TriggerEventAsync(new EventRequest("go") { CorrelationId = "c-1" }, default);
        _app.Timers.Armed.Should().ContainSingle().Which.DueAt.Should().Be(ItsmAppFactory.StartOfTest.AddMinutes(5));

        _app.Clock.Advance(TimeSpan.FromMinutes(4));
        (await _app.Timers.FireDueAsync()).Should().Be(0);
        (await _app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await _app.Timers.FireDueAsync()).Should().Be(1);
        var instance = await _app.InstanceAsync(started.InstanceId!);
        instance.Record.Status.Should().Be(InstanceStatus.Finished);
        instance.Variable("Done").Should().Be(true);
    }

    [Fact]
    public async Task Restart_on_the_same_data_resumes_a_suspended_instance_and_a_pending_delay()
    {
        await _app.PublishAsync(WaitThenDelayFlow("restart-flow"));
        var first = await _app.Runtime.StartAsync(new StartRequest("restart-flow"), default);
        var second = await _app.Runtime.StartAsync(new StartRequest("restart-flow"), default);
        await _app.Runtime.TriggerEventAsync(new EventRequest("go") { InstanceId = second.InstanceId }, default);

        await using var restarted = new ItsmAppFactory(_app.DataPath, ItsmAppFactory.StartOfTest);
        _ = restarted.Services;
        if (TestDatabase.IsPostgreSql)
        {
            // On PostgreSQL the first host's Hangfire job and its arming record are durable in the shared storage: the
            // restarted node keeps the delay pending instead of arming it again (the real job fires it; the multi-node
            // tests run that path with a real Hangfire server). Here: nothing was lost or run twice by the restart.
            (await restarted.InstanceAsync(second.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended);
            (await restarted.Store.ListBookmarksOfInstanceAsync(second.InstanceId!, default)).Should().ContainSingle(b => b.ResumeAt != null);
            (await restarted.InstanceAsync(first.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended);
            return;
        }

        // SQLite's Hangfire storage is in memory and died with the first host: the horizon re-arms from the store.
        (await Eventually.HoldsAsync(() => Task.FromResult(restarted.Timers.Armed.Any(t => t.InstanceId == second.InstanceId))))
            .Should().BeTrue("once serving, the timer horizon re-arms pending delays from the store");

        restarted.Clock.Advance(TimeSpan.FromMinutes(10));
        await restarted.Timers.FireDueAsync();
        (await restarted.InstanceAsync(second.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Finished);

        var resumed = await restarted.Runtime.TriggerEventAsync(new EventRequest("go") { InstanceId = first.InstanceId }, default);
        resumed.Should().ContainSingle();
        (await restarted.InstanceAsync(first.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended, "now it waits on its own delay");
        restarted.Clock.Advance(TimeSpan.FromMinutes(5));
        await restarted.Timers.FireDueAsync();
        var finished = await restarted.InstanceAsync(first.InstanceId!);
        finished.Record.Status.Should().Be(InstanceStatus.Finished);
        var journal = await restarted.Queries.ListJournalAsync(first.InstanceId!, 0, 100, default);
        journal.Count(j => j.ActivityId == "done").Should().Be(1, "each step is journaled exactly once across the restart");
    }

    [Fact]
    public async Task Racing_resumes_of_one_bookmark_run_it_exactly_once()
    {
        await _app.PublishAsync(new FlowBuilder("race-flow")
            .Variable("Hits", "Int32", "0")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "approved")))
            .Activity("count", "Elsa.SetVariable", ("variable", VariableRef("Hits")), ("value", Js("Object", "variables.Hits + 1")))
            .Connect("wait", "count").ToJson());
        var started = await _app.Runtime.StartAsync(new StartRequest("race-flow"), default);
        var bookmark = (await _app.Store.ListBookmarksOfInstanceAsync(started.InstanceId!, default)).Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _app.Runtime.ResumeBookmarkAsync(bookmark.Id, null, default))));

        results.Count(r => r.Outcome == ResumeOutcome.Resumed).Should().Be(1);
        results.Count(r => r.Outcome == ResumeOutcome.NotFound).Should().Be(19);
        (await _app.InstanceAsync(started.InstanceId!)).Variable("Hits").Should().Be(1);
    }

    [Fact]
    public async Task Sub_workflow_waits_for_the_child_and_receives_its_output()
    {
        var child = JsonNode.Parse(new FlowBuilder("child-flow")
            .Variable("Result", "Int32")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "child-go")))
            .Activity("calc", "Elsa.SetVariable", ("variable", VariableRef("Result")), ("value", Js("Object", "getInput('x') * 2")))
            .Connect("wait", "calc").ToJson())!.AsObject();
        child["outputs"] = new JsonArray(new JsonObject { ["name"] = "Result", ["type"] = "Int32" });
        await _app.PublishAsync(child.ToJsonString());
        await _app.PublishAsync(new FlowBuilder("parent-flow")
            .Variable("ChildResult", "Object")
            .Variable("Answer", "Int32")
            .Activity("run", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Literal("String", "child-flow")),
                ("input", Obj("Object", "{\"x\": 21}")), ("correlationId", Literal("String", "order-7")),
                ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "ChildResult-id" } }))
            .Activity("use", "Elsa.SetVariable", ("variable", VariableRef("Answer")), ("value", Js("Object", "variables.ChildResult.output.Result")))
            .Connect("run", "use").ToJson());

        var parent = await _app.Runtime.StartAsync(new StartRequest("parent-flow"), default);
        parent.State!.Status.Should().Be(InstanceStatus.Suspended, "the child waits for its event");
        var children = await _app.Queries.ListInstancesAsync(new InstanceQuery { DefinitionId = "child-flow" }, default);
        children.Items.Should().ContainSingle().Which.ParentInstanceId.Should().Be(parent.InstanceId);

        await _app.Runtime.TriggerEventAsync(new EventRequest("child-go") { CorrelationId = "order-7" }, default);
        await _app.FollowUpAsync();

        var finished = await _app.InstanceAsync(parent.InstanceId!);
        finished.Record.Status.Should().Be(InstanceStatus.Finished);
        finished.Variable("Answer").Should().Be(42);
    }

    [Fact]
    public async Task Faulted_instance_records_the_fault_and_retry_continues_it()
    {
        await _app.PublishAsync(new FlowBuilder("flaky-flow")
            .Variable("Attempts", "Int32", "0")
            .Variable("Ok", "Boolean", "false")
            .Activity("try", "Elsa.SetVariable", ("variable", VariableRef("Ok")),
                ("value", Js("Object", "setAttempts(variables.Attempts + 1); if (variables.Attempts < 2) throw new Error('CMDB timeout'); return true;")))
            .ToJson());
        var started = await _app.Runtime.StartAsync(new StartRequest("flaky-flow"), default);

        started.State!.Status.Should().Be(InstanceStatus.Faulted);
        var faults = await _app.Queries.ListFaultsAsync(started.InstanceId!, includeResolved: false, default);
        faults.Should().ContainSingle().Which.Message.Should().Contain("CMDB timeout");
        (await _app.InstanceAsync(started.InstanceId!)).Record.FaultCount.Should().Be(1);

        var retried = await _app.Runtime.RetryAsync(started.InstanceId!, default);

        retried.Outcome.Should().Be(CommandOutcome.Done);
        (await _app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Finished);
        (await _app.Queries.ListFaultsAsync(started.InstanceId!, includeResolved: false, default)).Should().BeEmpty();
        (await _app.Runtime.RetryAsync(started.InstanceId!, default)).Outcome.Should().Be(CommandOutcome.Conflict);
    }

    [Fact]
    public async Task Cancel_drops_the_waiting_bookmarks_and_a_second_cancel_conflicts()
    {
        await _app.PublishAsync(WaitThenDelayFlow("cancel-flow"));
        var started = await _app.Runtime.StartAsync(new StartRequest("cancel-flow"), default);

        (await _app.Runtime.CancelAsync(started.InstanceId!, default)).Outcome.Should().Be(CommandOutcome.Done);

        (await _app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Cancelled);
        (await _app.Store.ListBookmarksOfInstanceAsync(started.InstanceId!, default)).Should().BeEmpty();
        (await _app.Runtime.CancelAsync(started.InstanceId!, default)).Outcome.Should().Be(CommandOutcome.Conflict);
        (await _app.Runtime.CancelAsync("no-such-instance", default)).Outcome.Should().Be(CommandOutcome.NotFound);
    }

    [Fact]
    public async Task Shipped_incident_intake_starts_by_webhook_and_finishes_when_its_task_is_completed()
    {
        var request = new HttpRequestData("POST", "/incidents", new Dictionary<string, object?> { ["title"] = "Warehouse WiFi down", ["priority"] = "P2" },
            new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

        var dispatched = await _app.Runtime.DispatchHttpAsync(request, correlationId: null, default);

        dispatched.Outcome.Should().Be(HttpDispatchOutcome.Started);
        var tasks = await _app.Queries.ListTasksAsync(new TaskQuery { Role = "service desk agent" }, default);
        var task = tasks.Should().ContainSingle().Subject;
        task.Task!.Title.Should().Be("Triage P2: Warehouse WiFi down");
        task.Task!.DueAt.Should().Be(ItsmAppFactory.StartOfTest.AddMinutes(30));

        (await _app.Runtime.ResumeBookmarkAsync(task.Id, new Dictionary<string, object?> { ["assignee"] = "sam" }, default)).Outcome.Should().Be(ResumeOutcome.Resumed);
        (await _app.Runtime.ResumeBookmarkAsync(task.Id, null, default)).Outcome.Should().Be(ResumeOutcome.NotFound, "a task is completed once");

        var instance = await _app.InstanceAsync(dispatched.State!.InstanceId);
        instance.Record.Status.Should().Be(InstanceStatus.Finished);
        var journal = await _app.Queries.ListJournalAsync(instance.Record.Id, 0, 50, default);
        journal.Select(j => j.ActivityId).Should().ContainInOrder("receive", "log", "prioritise", "triage", "triage", "end");
        journal.First(j => j.ActivityId == "log").Tags.Should().Contain("incident-management");
    }

    [Fact]
    public async Task Http_endpoint_later_in_a_flow_is_resumed_by_a_callback_and_answers_it()
    {
        await _app.PublishAsync(new FlowBuilder("order-flow")
            .Variable("Confirmation", "Object")
            .Activity("order", "Elsa.HttpEndpoint", ("path", Literal("String", "orders")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("ack", "Elsa.WriteHttpResponse", ("statusCode", Literal("HttpStatusCode", "Accepted")), ("content", Js("Object", "({ state: 'waiting' })")))
            .Activity("confirm", "Elsa.HttpEndpoint", ("path", Literal("String", "orders/confirm")), ("supportedMethods", Obj("String[]", "[\"POST\"]")),
                ("parsedContent", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Confirmation-id" } }))
            .Activity("done", "Elsa.WriteHttpResponse", ("statusCode", Literal("HttpStatusCode", "201")), ("content", Literal("Object", "confirmed")))
            .Chain("order", "ack", "confirm", "done").Trigger("order").ToJson());
        HttpRequestData Post(string path, object? body) => new("POST", path, body, new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

        var started = await _app.Runtime.DispatchHttpAsync(Post("orders", null), "order-9", default);
        started.Outcome.Should().Be(HttpDispatchOutcome.Started);
        started.HttpResponse!.StatusCode.Should().Be(202);
        started.HttpResponse.Content.Should().Contain("waiting");

        var confirmed = await _app.Runtime.DispatchHttpAsync(Post("orders/confirm", new Dictionary<string, object?> { ["by"] = "warehouse" }), "order-9", default);

        confirmed.Outcome.Should().Be(HttpDispatchOutcome.Resumed);
        confirmed.HttpResponse!.StatusCode.Should().Be(201);
        var instance = await _app.InstanceAsync(started.State!.InstanceId);
        instance.Record.Status.Should().Be(InstanceStatus.Finished);
        ((IDictionary<string, object?>)instance.Variable("Confirmation")!)["by"].Should().Be("warehouse");
    }

    [Fact]
    public async Task Unknown_route_and_wrong_method_are_told_apart()
    {
        var get = new HttpRequestData("GET", "incidents", null, new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());
        var unknown = get with { Method = "POST", Path = "nowhere" };

        (await _app.Runtime.DispatchHttpAsync(get, null, default)).Outcome.Should().Be(HttpDispatchOutcome.MethodNotAllowed);
        (await _app.Runtime.DispatchHttpAsync(unknown, null, default)).Outcome.Should().Be(HttpDispatchOutcome.NoRoute);
        (await _app.Queries.ListInstancesAsync(new InstanceQuery(), default)).TotalCount.Should().Be(0);
    }
}
