using System.Globalization;
using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Engine;

public sealed class FlowSemanticsTests
{
    private readonly FlowchartHarness _harness = new();

    [Fact]
    public async Task Decision_follows_false_port_when_condition_is_false()
    {
        var flow = new FlowBuilder()
            .Variable("Result", "String")
            .Activity("decide", "Elsa.FlowDecision", ("condition", Js("Boolean", "1 > 2")))
            .Activity("yes", "Elsa.SetVariable", ("variable", VariableRef("Result")), ("value", Literal("Object", "yes")))
            .Activity("no", "Elsa.SetVariable", ("variable", VariableRef("Result")), ("value", Literal("Object", "no")))
            .Connect("decide", "yes", "True").Connect("decide", "no", "False");

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Variable("Result").Should().Be("no");
        run.Status.Should().Be(InstanceStatus.Finished);
    }

    [Theory]
    [InlineData(1, "P1")]
    [InlineData(3, "P3")]
    [InlineData(9, "Default")]
    public async Task Switch_continues_through_first_matching_case_or_default(int priority, string expectedPort)
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "P1", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "variables.Priority == 1" } },
            new JsonObject { ["label"] = "P3", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "variables.Priority >= 3 && variables.Priority < 5" } });
        var flow = new FlowBuilder()
            .Variable("Priority", "Int32", priority.ToString(CultureInfo.InvariantCulture))
            .Variable("Route", "String")
            .Activity("switch", "Elsa.FlowSwitch", ("cases", cases))
            .Activity("p1", "Elsa.SetVariable", ("variable", VariableRef("Route")), ("value", Literal("Object", "P1")))
            .Activity("p3", "Elsa.SetVariable", ("variable", VariableRef("Route")), ("value", Literal("Object", "P3")))
            .Activity("other", "Elsa.SetVariable", ("variable", VariableRef("Route")), ("value", Literal("Object", "Default")))
            .Connect("switch", "p1", "P1").Connect("switch", "p3", "P3").Connect("switch", "other", "Default");

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Variable("Route").Should().Be(expectedPort);
    }

    [Fact]
    public async Task Wait_any_join_continues_on_first_arrival_and_cancels_the_waiting_branch()
    {
        // The classic timeout pattern: wait for a reply or a delay, whichever comes first.
        var flow = new FlowBuilder()
            .Variable("Outcome", "String")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("String[]", "[\"Reply\",\"Timeout\"]")))
            .Activity("reply", "Elsa.Event", ("eventName", Literal("String", "user-replied")))
            .Activity("timeout", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "01:00:00")))
            .Activity("join", "Elsa.FlowJoin", ("mode", Literal("FlowJoinMode", "WaitAny")))
            .Activity("after", "Elsa.SetVariable", ("variable", VariableRef("Outcome")), ("value", Js("Object", "'continued'")))
            .Connect("fork", "reply", "Reply").Connect("fork", "timeout", "Timeout")
            .Connect("reply", "join").Connect("timeout", "join").Connect("join", "after");
        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));
        run.Status.Should().Be(InstanceStatus.Suspended);
        run.State.Bookmarks.Should().HaveCount(2);

        var burst = await run.ResumeAsync(run.Bookmark(BookmarkKinds.Event).Id);

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("Outcome").Should().Be("continued");
        run.State.Bookmarks.Should().BeEmpty();
        burst.RemovedBookmarkIds.Should().HaveCount(2, "the event bookmark was consumed and the delay's was cancelled");
    }

    [Fact]
    public async Task Wait_all_join_waits_for_every_inbound_branch_across_bursts()
    {
        var flow = new FlowBuilder()
            .Variable("Done", "Boolean", "false")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("String[]", "[\"A\",\"B\"]")))
            .Activity("a", "Elsa.Event", ("eventName", Literal("String", "a")))
            .Activity("b", "Elsa.Event", ("eventName", Literal("String", "b")))
            .Activity("join", "Elsa.FlowJoin", ("mode", Literal("FlowJoinMode", "WaitAll")))
            .Activity("after", "Elsa.SetVariable", ("variable", VariableRef("Done")), ("value", Literal("Object", "true")))
            .Connect("fork", "a", "A").Connect("fork", "b", "B").Connect("a", "join").Connect("b", "join").Connect("join", "after");
        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));
        var bookmarkA = run.State.Bookmarks.Single(b => b.Key == "a");
        var bookmarkB = run.State.Bookmarks.Single(b => b.Key == "b");

        await run.ResumeAsync(bookmarkA.Id);
        run.Status.Should().Be(InstanceStatus.Suspended, "branch B has not arrived yet");
        run.Variable("Done").Should().Be(false);
        run.State.Joins.Should().ContainKey("join");

        await run.ResumeAsync(bookmarkB.Id);
        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("Done").Should().Be(true);
    }

    [Fact]
    public async Task Loop_back_to_an_earlier_activity_runs_until_the_condition_fails()
    {
        var flow = new FlowBuilder()
            .Variable("Counter", "Int32", "0")
            .Activity("inc", "Elsa.SetVariable", ("variable", VariableRef("Counter", "Int32")), ("value", Js("Object", "variables.Counter + 1")))
            .Activity("check", "Elsa.FlowDecision", ("condition", Js("Boolean", "variables.Counter < 5")))
            .Activity("end", "Elsa.End")
            .Connect("inc", "check").Connect("check", "inc", "True").Connect("check", "end", "False");

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("Counter").Should().Be(5);
        run.Completed.Count(id => id == "inc").Should().Be(5);
    }

    [Fact]
    public async Task Runaway_loop_faults_with_a_clear_message_instead_of_hanging()
    {
        var harness = new FlowchartHarness(new EngineOptions { StepBudgetPerBurst = 100 });
        var flow = new FlowBuilder()
            .Activity("a", "Elsa.WriteLine", ("text", Literal("String", "tick")))
            .Activity("b", "Elsa.WriteLine", ("text", Literal("String", "tock")))
            .Connect("a", "b").Connect("b", "a");

        var run = await harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("Step budget exceeded").And.Contain("loops");
    }

    [Fact]
    public async Task Script_values_are_converted_to_the_variables_declared_types()
    {
        var flow = new FlowBuilder()
            .Variable("Count", "Int32")
            .Variable("Ratio", "Double")
            .Variable("Label", "String")
            .Variable("Flag", "Boolean")
            .Variable("Data", "Object")
            .Activity("count", "Elsa.SetVariable", ("variable", VariableRef("Count")), ("value", Js("Object", "40 + 2")))
            .Activity("ratio", "Elsa.SetVariable", ("variable", VariableRef("Ratio")), ("value", Js("Object", "1 / 4")))
            .Activity("label", "Elsa.SetVariable", ("variable", VariableRef("Label")), ("value", Js("Object", "getCount() + 1")))
            .Activity("flag", "Elsa.SetVariable", ("variable", VariableRef("Flag")), ("value", Literal("Object", "true")))
            .Activity("data", "Elsa.SetVariable", ("variable", VariableRef("Data")), ("value", Js("Object", "({ ticket: 'INC-1', items: [1, 2] })")))
            .Chain("count", "ratio", "label", "flag", "data");

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Variable("Count").Should().BeOfType<int>().Which.Should().Be(42);
        run.Variable("Ratio").Should().BeOfType<double>().Which.Should().Be(0.25);
        run.Variable("Label").Should().Be("43");
        run.Variable("Flag").Should().Be(true);
        ((IDictionary<string, object?>)run.Variable("Data")!)["ticket"].Should().Be("INC-1");
    }

    [Fact]
    public async Task Scripts_read_workflow_input_and_set_variables_through_accessors()
    {
        var flow = new FlowBuilder()
            .Variable("Summary", "String")
            .Activity("read", "Elsa.SetVariable", ("variable", VariableRef("Summary")),
                ("value", Js("Object", "setVariable('Summary', 'x'); return input.site + '/' + getInput('ap');")));

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()),
            new Dictionary<string, object?> { ["site"] = "Warehouse 3", ["ap"] = "AP-17" });

        run.Variable("Summary").Should().Be("Warehouse 3/AP-17");
    }

    [Fact]
    public async Task Event_bookmark_resumes_exactly_once()
    {
        var flow = new FlowBuilder()
            .Variable("Hits", "Int32", "0")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "approved")))
            .Activity("count", "Elsa.SetVariable", ("variable", VariableRef("Hits")), ("value", Js("Object", "variables.Hits + 1")))
            .Connect("wait", "count");
        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));
        var bookmark = run.Bookmark(BookmarkKinds.Event);
        bookmark.Key.Should().Be("approved");

        var first = await run.ResumeAsync(bookmark.Id, new Dictionary<string, object?> { ["by"] = "cab" });
        var second = await run.ResumeAsync(bookmark.Id);

        first.BookmarkNotFound.Should().BeFalse();
        second.BookmarkNotFound.Should().BeTrue();
        run.Variable("Hits").Should().Be(1);
        run.Status.Should().Be(InstanceStatus.Finished);
    }

    [Fact]
    public async Task Delay_creates_a_timer_bookmark_due_on_the_fake_clock()
    {
        var flow = new FlowBuilder()
            .Activity("wait", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:05:00")))
            .Activity("after", "Elsa.WriteLine", ("text", Literal("String", "woke")))
            .Connect("wait", "after");
        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        var timer = run.Bookmark(BookmarkKinds.Delay);
        timer.ResumeAt.Should().Be(_harness.Clock.GetUtcNow().AddMinutes(5));
        run.Status.Should().Be(InstanceStatus.Suspended);

        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await run.ResumeAsync(timer.Id);
        run.Status.Should().Be(InstanceStatus.Finished);
        run.Completed.Should().Contain("after");
    }

    [Fact]
    public async Task Fault_stops_the_instance_and_retry_runs_the_faulted_activity_again()
    {
        var flow = new FlowBuilder()
            .Variable("Attempts", "Int32", "0")
            .Variable("Done", "Boolean", "false")
            .Activity("count", "Elsa.SetVariable", ("variable", VariableRef("Attempts")), ("value", Js("Object", "variables.Attempts + 1")))
            .Activity("flaky", "Elsa.SetVariable", ("variable", VariableRef("Done")),
                ("value", Js("Object", "if (variables.Attempts < 2) { setAttempts(variables.Attempts + 1); throw new Error('supplier API down'); } return true;")))
            .Connect("count", "flaky");
        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.ActivityId.Should().Be("flaky");
        run.State.Fault.Message.Should().Contain("supplier API down").And.Contain("value");
        run.LastBurst.AddedFaults.Should().ContainSingle();

        var retry = await run.RetryAsync();

        retry.ResolvedFaultIds.Should().ContainSingle();
        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("Done").Should().Be(true);
        run.Completed.Count(id => id == "count").Should().Be(1, "retry continues at the faulted activity, not from the start");
    }

    [Fact]
    public async Task Fault_activity_faults_with_its_message()
    {
        var flow = new FlowBuilder().Activity("boom", "Elsa.Fault", ("message", Literal("String", "CMDB unreachable")));

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Be("CMDB unreachable");
    }

    [Fact]
    public async Task Cancel_drops_bookmarks_and_finishes_as_cancelled()
    {
        var flow = new FlowBuilder().Activity("wait", "Elsa.Event", ("eventName", Literal("String", "never")));
        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        var burst = _harness.Executor.Cancel(run.Workflow, run.State);

        run.Status.Should().Be(InstanceStatus.Cancelled);
        run.State.Bookmarks.Should().BeEmpty();
        burst.RemovedBookmarkIds.Should().ContainSingle();
        burst.Journal.Should().ContainSingle(j => j.EventName == JournalEvents.Cancelled);
    }

    [Fact]
    public async Task End_finishes_the_flowchart_and_abandons_other_branches()
    {
        var flow = new FlowBuilder()
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("String[]", "[\"Wait\",\"Stop\"]")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "x")))
            .Activity("end", "Elsa.End")
            .Connect("fork", "wait", "Wait").Connect("fork", "end", "Stop");

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Status.Should().Be(InstanceStatus.Finished);
        run.State.Bookmarks.Should().BeEmpty();
    }

    [Fact]
    public async Task Http_endpoint_trigger_completes_with_the_request_when_it_starts_the_workflow()
    {
        var flow = new FlowBuilder()
            .Variable("Body", "Object")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "incidents")), ("supportedMethods", Obj("String[]", "[\"POST\"]")),
                ("parsedContent", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Body-id" } }))
            .Activity("later", "Elsa.HttpEndpoint", ("path", Literal("String", "incidents/confirm")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Connect("hook", "later");
        var request = new HttpRequestData("POST", "incidents", new Dictionary<string, object?> { ["title"] = "AP down" },
            new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

        var run = await _harness.StartAsync(FlowchartHarness.Compile(flow.Build()), triggerActivityId: "hook", triggerInput: request);

        ((IDictionary<string, object?>)run.Variable("Body")!)["title"].Should().Be("AP down");
        run.Bookmark(BookmarkKinds.HttpEndpoint).Key.Should().Be("incidents/confirm", "an endpoint later in the flow is a resume point");
    }

    [Fact]
    public void Unknown_activity_type_is_a_load_error_naming_the_field()
    {
        var flow = new FlowBuilder().Activity("x", "Acme.Teleport");

        var act = () => FlowchartHarness.Compile(flow.Build());

        act.Should().Throw<WorkflowDefinitionException>()
            .Which.Errors.Should().ContainSingle(e => e.Path == "root.activities[0].type" && e.Message.Contains("Acme.Teleport"));
    }

    [Fact]
    public void Broken_script_and_dangling_connection_are_reported_together()
    {
        var flow = new FlowBuilder()
            .Activity("d", "Elsa.FlowDecision", ("condition", Js("Boolean", "variables.(")))
            .Connect("d", "ghost", "True");

        var act = () => FlowchartHarness.Compile(flow.Build());

        var errors = act.Should().Throw<WorkflowDefinitionException>().Which.Errors;
        errors.Should().Contain(e => e.Path == "root.activities[0].condition" && e.Message.Contains("syntax"));
        errors.Should().Contain(e => e.Path == "root.connections[0].target");
    }

    [Fact]
    public void Literal_that_does_not_fit_the_input_type_is_a_load_error()
    {
        var flow = new FlowBuilder().Activity("wait", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "soon")));

        var act = () => FlowchartHarness.Compile(flow.Build());

        act.Should().Throw<WorkflowDefinitionException>().Which.Errors.Should().ContainSingle(e => e.Path == "root.activities[0].timeSpan");
    }

    [Fact]
    public async Task Infinite_script_faults_the_activity_instead_of_hanging()
    {
        var harness = new FlowchartHarness(new EngineOptions { Scripts = new() { MaxStatements = 1_000 } });
        var flow = new FlowBuilder().Activity("spin", "Elsa.FlowDecision", ("condition", Js("Boolean", "while (true) {} return true;")));

        var run = await harness.StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("condition");
    }

    [Fact]
    public void Malformed_json_is_a_definition_error_not_a_crash()
    {
        var act = () => ElsaJson.ParseDefinition("{ \"root\": [");

        act.Should().Throw<WorkflowDefinitionException>();
    }
}
