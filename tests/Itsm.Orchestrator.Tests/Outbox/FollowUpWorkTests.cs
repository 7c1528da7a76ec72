using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Outbox;

/// <summary>Follow-up work is written with the commit that decided it and carried out at least once, never lost or dropped.</summary>
public sealed class FollowUpWorkTests
{
    private static string Publisher() => new FlowBuilder("publisher")
        .Activity("start", "Elsa.Start")
        .Activity("publish", "Elsa.PublishEvent", ("eventName", Literal("String", "ping")), ("payload", Obj("Object", "{\"n\":7}")))
        .Chain("start", "publish")
        .ToJson();

    private static string Receiver() => new FlowBuilder("receiver")
        .Variable("Got", "Object")
        .Activity("start", "Elsa.Start")
        .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "ping")))
        .Activity("keep", "Elsa.SetVariable", ("variable", VariableRef("Got")), ("value", Js("Object", "getLastResult()")))
        .Chain("start", "wait", "keep")
        .ToJson();

    [Fact]
    public async Task Event_published_just_before_a_crash_is_delivered_after_restart()
    {
        using var data = new TempDataFolder();
        string receiverId;
        await using (var crashed = new ItsmAppFactory(data.Path))
        {
            // The commit happens; the in-process delivery that follows it never does (as if the process died there).
            crashed.Settings["Itsm:Outbox:DispatchAfterCommit"] = "false";
            await crashed.PublishAsync(Receiver());
            await crashed.PublishAsync(Publisher());
            receiverId = (await crashed.Runtime.StartAsync(new StartRequest("receiver"), default)).InstanceId!;
            (await crashed.Runtime.StartAsync(new StartRequest("publisher"), default)).State!.Status.Should().Be(InstanceStatus.Finished);
            (await crashed.InstanceAsync(receiverId)).Record.Status.Should().Be(InstanceStatus.Suspended);
            var pending = await crashed.Queries.ListOutboxAsync(0, 10, default);
            pending.Items.Should().ContainSingle(i => i.Kind == "event.deliver", "the event is in the outbox, committed with its publisher");
        }

        await using var restarted = new ItsmAppFactory(data.Path);
        _ = restarted.Services;
        (await Eventually.HoldsAsync(async () => (await restarted.InstanceAsync(receiverId)).Record.Status == InstanceStatus.Finished))
            .Should().BeTrue("the restarted host claims the undelivered event and delivers it");
        var received = await restarted.InstanceAsync(receiverId);
        ((IDictionary<string, object?>)received.Variable("Got")!)["n"].Should().Be(7d);
        (await Eventually.HoldsAsync(async () => (await restarted.Queries.ListOutboxAsync(0, 10, default)).Total == 0))
            .Should().BeTrue("delivered work is removed");
    }

    [Fact]
    public async Task Redelivered_event_resumes_each_waiting_instance_once_and_not_waits_created_after_it()
    {
        await using var app = new ItsmAppFactory();
        app.Settings["Itsm:Outbox:DispatchAfterCommit"] = "false";
        app.Settings["Itsm:Outbox:PollInterval"] = "01:00:00"; // this test delivers by hand
        await app.PublishAsync(Receiver());
        await app.PublishAsync(Publisher());
        var before = (await app.Runtime.StartAsync(new StartRequest("receiver"), default)).InstanceId!;
        await app.Runtime.StartAsync(new StartRequest("publisher"), default);
        var item = (await app.Queries.ListOutboxAsync(0, 10, default)).Items.Single();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = (await app.Runtime.StartAsync(new StartRequest("receiver"), default)).InstanceId!;

        var handler = new Itsm.Orchestrator.Outbox.DeliverEventHandler(app.Runtime);
        await handler.HandleAsync(item, default);
        await handler.HandleAsync(item, default); // at-least-once: a second delivery of the same item

        (await app.InstanceAsync(before)).Record.Status.Should().Be(InstanceStatus.Finished);
        (await app.InstanceAsync(after)).Record.Status.Should().Be(InstanceStatus.Suspended, "it started waiting after the event was published");
        (await app.Queries.ListJournalAsync(before, 0, 100, default)).Count(j => j.ActivityId == "keep").Should().Be(1);
    }

    [Fact]
    public async Task Follow_up_work_that_keeps_failing_is_kept_with_its_error_and_visible_to_operators()
    {
        await using var app = new ItsmAppFactory();
        app.Settings["Itsm:Outbox:PollInterval"] = "01:00:00"; // this test polls by hand
        await app.PublishAsync(new FlowBuilder("slow-child").Activity("wait", "Elsa.Event", ("eventName", Literal("String", "child-done"))).ToJson());
        // The parent waits on the child in one branch and faults in the other: a faulted parent still waits.
        await app.PublishAsync(new FlowBuilder("faulting-parent")
            .Activity("start", "Elsa.Start")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("String[]", "[\"Child\",\"Fail\"]")))
            .Activity("run", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Literal("String", "slow-child")))
            .Activity("fail", "Elsa.Fault", ("message", Literal("String", "ledger unreachable")))
            .Connect("start", "fork").Connect("fork", "run", "Child").Connect("fork", "fail", "Fail")
            .ToJson());
        var parent = await app.Runtime.StartAsync(new StartRequest("faulting-parent"), default);
        parent.State!.Status.Should().Be(InstanceStatus.Faulted);

        await app.Runtime.TriggerEventAsync(new EventRequest("child-done"), default);
        await app.FollowUpAsync();

        using var client = app.CreateClient();
        var page = await client.GetFromJsonAsync<JsonObject>("/api/outbox");
        var item = page!["items"]!.AsArray().Single()!;
        item["kind"]!.GetValue<string>().Should().Be("workflow.resume-parent");
        item["failedAttempts"]!.GetValue<int>().Should().Be(1);
        item["lastError"]!.GetValue<string>().Should().Contain("faulted");

        // Polls after each back-off: still failing, still kept, attempts counted.
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            await app.Services.GetRequiredService<Itsm.Orchestrator.Outbox.OutboxDispatcher>().PollOnceAsync(default);
        }
        var kept = (await app.Queries.ListOutboxAsync(0, 10, default)).Items.Single();
        kept.Attempts.Should().BeGreaterThanOrEqualTo(5);

        // Once the parent is dealt with (cancelled), the work completes and leaves the outbox.
        (await client.PostAsync($"/api/instances/{parent.InstanceId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Services.GetRequiredService<Itsm.Orchestrator.Outbox.OutboxDispatcher>().PollOnceAsync(default);
        (await app.Queries.ListOutboxAsync(0, 10, default)).Total.Should().Be(0);
    }

    [Fact]
    public async Task Outbox_list_is_for_operators_only()
    {
        await using var app = new ItsmAppFactory();
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        (await anonymous.GetAsync("/api/outbox")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var client = app.CreateClient();
        (await client.GetAsync("/api/outbox?take=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
