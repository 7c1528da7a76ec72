using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Itil;

public sealed class ChangeActivityTests
{
    private const string StepRecordId = "inst-1-step";

    private static (string, System.Text.Json.Nodes.JsonNode?) Input(string name, string value) => (name, Literal("String", value));

    private static Task<ItilRun> RaiseAsync(ItilHarness harness, string changeType)
        => harness.RunStepAsync("Itsm.RaiseChange", Input("title", "Replace access point AP-7"), Input("changeType", changeType),
            Input("priority", "P2"), Input("incidentId", "inc-1"), Input("configurationItemId", "ci-ap-7"));

    [Fact]
    public async Task Standard_change_is_approved_at_once_without_a_task()
    {
        var harness = new ItilHarness();
        var run = await RaiseAsync(harness, "Standard");

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Outcome().Should().Be(RaiseChange.Approved);
        run.State.Bookmarks.Should().BeEmpty();
        run.Variable("number").Should().Be("CHG0000001");
        var change = harness.Record(RecordTypes.Change, StepRecordId);
        change.Should().Contain(RecordFields.Status, "approved").And.Contain("changeType", "standard").And.Contain(RecordFields.Priority, "P2");
        change.Links().Should().BeEquivalentTo(new[] { (RecordTypes.Incident, "inc-1", "fixes"), (RecordTypes.ConfigurationItem, "ci-ap-7", "affects") });
    }

    [Theory]
    [InlineData("Normal", "Change CHG0000001")]
    [InlineData("Emergency", "Emergency change CHG0000001")]
    public async Task Normal_and_emergency_changes_wait_for_the_change_authority(string changeType, string titleStart)
    {
        var harness = new ItilHarness();
        var run = await RaiseAsync(harness, changeType);

        run.Status.Should().Be(InstanceStatus.Suspended);
        harness.Record(RecordTypes.Change, StepRecordId)[RecordFields.Status].Should().Be("awaiting-approval");
        var task = run.Bookmark(BookmarkKinds.RunTask);
        task.Task!.Role.Should().Be("change authority");
        task.Task.Title.Should().StartWith(titleStart);
        task.Task.Priority.Should().Be(2);
        ((IDictionary<string, object?>)task.Payload!)["outcomes"].Should().BeEquivalentTo(new[] { "Approved", "Rejected" });
    }

    [Theory]
    [InlineData("Approved", "approved")]
    [InlineData("Rejected", "rejected")]
    public async Task Change_authority_decision_routes_the_flow_and_is_written_on_the_change_under_its_first_number(string outcome, string status)
    {
        var harness = new ItilHarness();
        var run = await RaiseAsync(harness, "Normal");

        await run.ResumeAsync(BookmarkKinds.RunTask, new Dictionary<string, object?> { ["outcome"] = outcome, ["comment"] = "checked the risk" });

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Outcome().Should().Be(outcome);
        run.Variable("comment").Should().Be("checked the risk");
        harness.Record(RecordTypes.Change, StepRecordId).Should().Contain(RecordFields.Status, status)
            .And.Contain(RecordFields.Number, "CHG0000001").And.Contain("decisionComment", "checked the risk");
        harness.Records.Allocated.Should().Equal("CHG0000001");
        harness.WritesOf(RecordTypes.Change).Should().Be(2, "raised, then decided");
    }

    [Fact]
    public async Task Change_authority_completing_with_an_unknown_decision_faults_the_step_and_leaves_the_change_awaiting()
    {
        var harness = new ItilHarness();
        var run = await RaiseAsync(harness, "Normal");

        await run.ResumeAsync(BookmarkKinds.RunTask, new Dictionary<string, object?> { ["outcome"] = "Later" });

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("'Later'");
        harness.Record(RecordTypes.Change, StepRecordId)[RecordFields.Status].Should().Be("awaiting-approval");
    }

    [Fact]
    public async Task Approved_change_is_implemented()
    {
        var harness = Seeded("approved");
        var run = await harness.RunStepAsync("Itsm.ImplementChange", Input("changeId", "chg-1"), Input("implementationNote", "AP swapped"));

        run.Outcome().Should().Be(Outcomes.Done);
        run.Variable("number").Should().Be("CHG0000005");
        harness.Record(RecordTypes.Change, "chg-1").Should().Contain(RecordFields.Status, "implemented").And.Contain("implementationNote", "AP swapped");
    }

    [Theory]
    [InlineData("awaiting-approval")]
    [InlineData("rejected")]
    public async Task Change_that_is_not_approved_is_not_implemented(string status)
    {
        var harness = Seeded(status);
        var run = await harness.RunStepAsync("Itsm.ImplementChange", Input("changeId", "chg-1"));

        run.Outcome().Should().Be(ImplementChange.NotApproved);
        harness.Written.Should().BeEmpty();
    }

    [Fact]
    public async Task Closing_a_change_records_its_review()
    {
        var harness = Seeded("implemented");
        var run = await harness.RunStepAsync("Itsm.CloseChange", Input("changeId", "chg-1"), ("successful", Literal("Boolean", "false")), Input("reviewNote", "AP failed again"));

        run.Status.Should().Be(InstanceStatus.Finished);
        harness.Record(RecordTypes.Change, "chg-1").Should().Contain(RecordFields.Status, "closed").And.Contain("successful", false).And.Contain("reviewNote", "AP failed again");
    }

    [Fact]
    public async Task Feature_flag_deployment_is_recorded_dark_on_the_change_and_the_item()
    {
        var harness = Seeded("approved");
        harness.Records.Seed(RecordTypes.ConfigurationItem, "ci-app", new Dictionary<string, object?> { ["number"] = "CI0000002", ["version"] = "4.1.0" });

        var run = await harness.RunStepAsync("Itsm.DeployRelease", Input("releaseVersion", "4.2.0"), Input("releaseMode", "FeatureFlag"),
            Input("featureFlag", "new-reporting"), Input("changeId", "chg-1"), Input("configurationItemId", "ci-app"));

        run.Outcome().Should().Be(DeployRelease.Deployed);
        run.Variable("released").Should().Be(false);
        var deployment = (IDictionary<string, object?>)harness.Record(RecordTypes.Change, "chg-1")["deployment"]!;
        deployment.Should().Contain("version", "4.2.0").And.Contain("releaseMode", "feature-flag").And.Contain("featureFlag", "new-reporting").And.Contain("featureFlagOn", false);
        var item = harness.Record(RecordTypes.ConfigurationItem, "ci-app");
        item.Should().Contain("version", "4.2.0");
        item.Links().Should().Contain((RecordTypes.Change, "chg-1", "changed-by"));
    }

    [Fact]
    public async Task Feature_flag_deployment_without_a_flag_faults_and_writes_nothing()
    {
        var harness = Seeded("approved");
        var run = await harness.RunStepAsync("Itsm.DeployRelease", Input("releaseVersion", "4.2.0"), Input("releaseMode", "FeatureFlag"), Input("changeId", "chg-1"));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("flag");
        harness.Written.Should().BeEmpty();
    }

    [Fact]
    public async Task Immediate_deployment_is_released()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.DeployRelease", Input("releaseVersion", "1.0.1"));

        run.Outcome().Should().Be(DeployRelease.Deployed);
        run.Variable("released").Should().Be(true);
        run.Variable("deployedAt").Should().Be(ItilHarness.Start);
    }

    private static ItilHarness Seeded(string status)
    {
        var harness = new ItilHarness();
        harness.Records.Seed(RecordTypes.Change, "chg-1", new Dictionary<string, object?> { ["number"] = "CHG0000005", ["status"] = status, ["title"] = "Swap AP" });
        return harness;
    }
}
