using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Itil;

public sealed class IncidentActivityTests
{
    private const string StepRecordId = "inst-1-step";

    private static (string, System.Text.Json.Nodes.JsonNode?) Input(string name, string value) => (name, Literal("String", value));

    private static Task<ItilRun> LogAsync(ItilHarness harness, string impact, string urgency)
        => harness.RunStepAsync("Itsm.LogIncident", Input("title", "Warehouse WiFi down in aisle 7"), Input("impact", impact),
            Input("urgency", urgency), Input("requester", "warehouse manager"), Input("configurationItemId", "ci-ap-7"));

    [Fact]
    public async Task Logged_incident_gets_its_priority_from_the_matrix_and_its_resolution_due_time_from_the_target()
    {
        var harness = new ItilHarness();
        var run = await LogAsync(harness, "High", "Medium");

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("priority").Should().Be("P2");
        run.Variable("number").Should().Be("INC0000001");
        run.Variable("recordId").Should().Be(StepRecordId);
        run.Variable("resolutionDue").Should().Be(ItilHarness.Start.AddHours(8), "P2 resolves within 8 hours by default");
        var incident = harness.Record(RecordTypes.Incident, StepRecordId);
        incident.Should().Contain(RecordFields.Number, "INC0000001").And.Contain(RecordFields.Status, "new")
            .And.Contain(RecordFields.Priority, "P2").And.Contain(RecordFields.Title, "Warehouse WiFi down in aisle 7")
            .And.Contain("impact", "high").And.Contain("urgency", "medium").And.Contain("requester", "warehouse manager")
            .And.Contain("resolutionDue", "2026-11-23T17:00:00.000Z").And.Contain("instanceId", "inst-1");
        incident.Links().Should().Equal((RecordTypes.ConfigurationItem, "ci-ap-7", "affects"));
    }

    [Theory]
    [InlineData("High", "High", "P1")]
    [InlineData("Medium", "Medium", "P3")]
    [InlineData("Low", "Low", "P4")]
    [InlineData("Low", "High", "P3")]
    public async Task Default_matrix_maps_impact_and_urgency_to_priority(string impact, string urgency, string priority)
    {
        var run = await LogAsync(new ItilHarness(), impact, urgency);
        run.Variable("priority").Should().Be(priority);
    }

    [Fact]
    public async Task Host_configured_matrix_cell_and_target_override_the_defaults()
    {
        var options = new ItilOptions();
        options.PriorityMatrix["Low"]["Low"] = "P1";
        options.ResolutionTargets["P1"] = TimeSpan.FromMinutes(30);
        var harness = new ItilHarness(options);

        var run = await LogAsync(harness, "Low", "Low");

        run.Variable("priority").Should().Be("P1");
        run.Variable("resolutionDue").Should().Be(ItilHarness.Start.AddMinutes(30));
        options.Problems().Should().BeEmpty();
    }

    [Fact]
    public void Options_with_a_priority_outside_P1_to_P4_or_a_missing_target_report_what_is_wrong()
    {
        var options = new ItilOptions();
        options.PriorityMatrix["High"]["High"] = "urgent";
        options.ResolutionTargets.Remove("P4");

        options.Problems().Should().HaveCount(2).And.Contain(p => p.Contains("High:High")).And.Contain(p => p.Contains("P4"));
    }

    [Fact]
    public async Task Step_retried_after_a_transient_failure_writes_the_incident_once_under_the_same_id()
    {
        var harness = new ItilHarness();
        harness.Records.FailNextNumber = new TimeoutException("database busy");
        var run = await LogAsync(harness, "High", "Medium");
        run.Status.Should().Be(InstanceStatus.Faulted);
        harness.Written.Should().BeEmpty();

        await run.RetryAsync();

        run.Status.Should().Be(InstanceStatus.Finished);
        harness.Written.Should().ContainSingle().Which.RecordId.Should().Be(StepRecordId);
    }

    [Fact]
    public async Task Rerun_of_a_node_whose_incident_exists_keeps_its_number_and_allocates_none()
    {
        var harness = new ItilHarness();
        harness.Records.Seed(RecordTypes.Incident, StepRecordId, new Dictionary<string, object?> { ["number"] = "INC0000042", ["status"] = "new" });

        var run = await LogAsync(harness, "High", "Medium");

        run.Variable("number").Should().Be("INC0000042");
        harness.Records.Allocated.Should().BeEmpty();
        harness.Record(RecordTypes.Incident, StepRecordId)[RecordFields.Number].Should().Be("INC0000042");
    }

    [Fact]
    public async Task Incident_without_a_title_faults_without_writing_or_numbering()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.LogIncident");

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("title");
        run.State.Fault.Retryable.Should().BeFalse();
        harness.Written.Should().BeEmpty();
        harness.Records.Allocated.Should().BeEmpty();
    }

    [Fact]
    public async Task Escalation_assigns_the_incident_to_the_support_group_and_moves_it_in_progress()
    {
        var harness = SeededIncident();
        var run = await harness.RunStepAsync("Itsm.EscalateIncident", Input("incidentId", "inc-1"), Input("supportGroup", "network support engineer"));

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("number").Should().Be("INC0000009");
        harness.Record(RecordTypes.Incident, "inc-1").Should().Contain("assignmentGroup", "network support engineer")
            .And.Contain(RecordFields.Status, "in-progress").And.Contain(RecordFields.Title, "AP down");
    }

    [Fact]
    public async Task Escalation_with_a_task_waits_for_the_group_and_outputs_its_result()
    {
        var harness = SeededIncident();
        var run = await harness.RunStepAsync("Itsm.EscalateIncident", Input("incidentId", "inc-1"),
            Input("supportGroup", "network support engineer"), ("createTask", Literal("Boolean", "true")));

        run.Status.Should().Be(InstanceStatus.Suspended);
        harness.Record(RecordTypes.Incident, "inc-1")[RecordFields.Status].Should().Be("in-progress", "the assignment commits when the task is handed out");
        var task = run.Bookmark(BookmarkKinds.RunTask).Task!;
        task.Role.Should().Be("network support engineer");
        task.Priority.Should().Be(2);
        task.Title.Should().Contain("INC0000009");

        await run.ResumeAsync(BookmarkKinds.RunTask, new Dictionary<string, object?> { ["comment"] = "AP swapped" });
        run.Status.Should().Be(InstanceStatus.Finished);
        ((IDictionary<string, object?>)run.Variable("result")!)["comment"].Should().Be("AP swapped");
    }

    [Fact]
    public async Task Escalating_an_unknown_incident_faults_naming_it()
    {
        var run = await new ItilHarness().RunStepAsync("Itsm.EscalateIncident", Input("incidentId", "nope"), Input("supportGroup", "network"));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Be("There is no incident 'nope'.");
    }

    [Fact]
    public async Task Resolving_records_the_fix_links_the_change_and_reports_the_target_was_met()
    {
        var harness = SeededIncident();
        var run = await harness.RunStepAsync("Itsm.ResolveIncident", Input("incidentId", "inc-1"), Input("resolution", "Replaced the AP"), Input("changeId", "chg-1"));

        run.Variable("withinTarget").Should().Be(true);
        var incident = harness.Record(RecordTypes.Incident, "inc-1");
        incident.Should().Contain(RecordFields.Status, "resolved").And.Contain("resolution", "Replaced the AP").And.Contain("resolvedAt", "2026-11-23T09:00:00.000Z");
        incident.Links().Should().Contain((RecordTypes.Change, "chg-1", "resolved-by"));
    }

    [Fact]
    public async Task Resolving_after_the_due_time_reports_the_target_missed()
    {
        var harness = SeededIncident();
        harness.Clock.Advance(TimeSpan.FromHours(9));

        var run = await harness.RunStepAsync("Itsm.ResolveIncident", Input("incidentId", "inc-1"));

        run.Variable("withinTarget").Should().Be(false);
    }

    [Fact]
    public async Task Closing_marks_the_incident_closed_with_the_note()
    {
        var harness = SeededIncident();
        var run = await harness.RunStepAsync("Itsm.CloseIncident", Input("incidentId", "inc-1"), Input("closureNote", "User confirmed"));

        run.Variable("number").Should().Be("INC0000009");
        harness.Record(RecordTypes.Incident, "inc-1").Should().Contain(RecordFields.Status, "closed").And.Contain("closureNote", "User confirmed");
    }

    [Fact]
    public async Task Problem_from_several_incidents_links_each_and_takes_the_most_urgent_priority()
    {
        var harness = SeededIncident();
        harness.Records.Seed(RecordTypes.Incident, "inc-2", new Dictionary<string, object?> { ["number"] = "INC0000010", ["priority"] = "P1", ["title"] = "Scanner down" });

        var run = await harness.RunStepAsync("Itsm.LogProblem", ("incidentIds", Obj("Object", "[\"inc-1\",\"inc-2\"]")));

        run.Variable("number").Should().Be("PRB0000001");
        run.Variable("problemPriority").Should().Be("P1");
        var problem = harness.Record(RecordTypes.Problem, StepRecordId);
        problem.Should().Contain(RecordFields.Title, "AP down").And.Contain(RecordFields.Status, "new");
        problem.Links().Should().BeEquivalentTo(new[] { (RecordTypes.Incident, "inc-1", "caused"), (RecordTypes.Incident, "inc-2", "caused") });
    }

    [Fact]
    public async Task Problem_without_incidents_faults_and_writes_nothing()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.LogProblem", Input("title", "Something"));

        run.Status.Should().Be(InstanceStatus.Faulted);
        harness.Written.Should().BeEmpty();
    }

    private static ItilHarness SeededIncident()
    {
        var harness = new ItilHarness();
        harness.Records.Seed(RecordTypes.Incident, "inc-1", new Dictionary<string, object?>
        {
            ["number"] = "INC0000009", ["status"] = "new", ["priority"] = "P2", ["title"] = "AP down",
            ["resolutionDue"] = "2026-11-23T17:00:00.000Z", ["links"] = new List<object?>(),
        });
        return harness;
    }
}
