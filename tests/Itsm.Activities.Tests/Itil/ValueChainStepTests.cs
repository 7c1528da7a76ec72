using System.Reflection;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Itil;

public sealed class ValueChainStepTests
{
    private static (string, System.Text.Json.Nodes.JsonNode?) ApproveOrReject => ("outcomes", Obj("Object", "[\"Approved\",\"Rejected\"]"));

    [Theory]
    [InlineData("Itsm.Plan", "plan")]
    [InlineData("Itsm.Improve", "improve")]
    [InlineData("Itsm.Engage", "engage")]
    [InlineData("Itsm.DesignAndTransition", "design-and-transition")]
    [InlineData("Itsm.ObtainBuild", "obtain-build")]
    [InlineData("Itsm.DeliverAndSupport", "deliver-and-support")]
    public async Task Step_without_a_role_completes_at_once_through_Done_and_is_tagged_with_its_chain_activity(string type, string chain)
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync(type);

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Outcome().Should().Be(Outcomes.Done);
        run.Variable("outcome").Should().Be(Outcomes.Done);
        var descriptor = ActivityRegistry.Create([typeof(Plan), typeof(Improve), typeof(Engage), typeof(DesignAndTransition), typeof(ObtainBuild), typeof(DeliverAndSupport)])
            .Find(type)!;
        descriptor.ActivityType.GetCustomAttribute<ItilTagsAttribute>()!.ValueChain.Should().Equal(chain);
        descriptor.HasDynamicOutcomes.Should().BeTrue("the node's outcomes input declares its ports");
    }

    [Fact]
    public async Task Step_with_a_role_hands_that_role_a_task_offering_the_declared_outcomes()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.Plan", ("role", Literal("String", "business owner")),
            ("title", Literal("String", "Go or no-go for the design site")), ApproveOrReject, ("priority", Literal("String", "P2")),
            ("dueIn", Literal("TimeSpan", "1.00:00:00")));

        run.Status.Should().Be(InstanceStatus.Suspended);
        var task = run.Bookmark(BookmarkKinds.RunTask);
        task.Task!.Role.Should().Be("business owner");
        task.Task.Title.Should().Be("Go or no-go for the design site");
        task.Task.Priority.Should().Be(2);
        task.Task.DueAt.Should().Be(ItilHarness.Start.AddDays(1));
        ((IDictionary<string, object?>)task.Payload!)["outcomes"].Should().BeEquivalentTo(new[] { "Approved", "Rejected" });
    }

    [Fact]
    public async Task Completer_picking_a_declared_outcome_continues_through_that_port_only()
    {
        var harness = new ItilHarness();
        var run = await harness.StartAsync(ItilHarness.Flow("outcome", "comment")
            .Activity("start", "Elsa.Start")
            .Activity("step", "Itsm.Plan", ("role", Literal("String", "business owner")), ApproveOrReject, ("comment", ItilHarness.Out("comment")))
            .Activity("approved", "Elsa.WriteLine", ("text", Literal("String", "go")))
            .Activity("rejected", "Elsa.WriteLine", ("text", Literal("String", "stop")))
            .Chain("start", "step")
            .Connect("step", "approved", "Approved")
            .Connect("step", "rejected", "Rejected"));

        await run.ResumeAsync(BookmarkKinds.RunTask, new Dictionary<string, object?> { ["outcome"] = "rejected", ["comment"] = "too costly" });

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Outcome().Should().Be("Rejected", "the pick is matched ignoring case and reported as declared");
        run.Outcome("rejected").Should().NotBeNull();
        run.Outcome("approved").Should().BeNull();
        run.Variable("comment").Should().Be("too costly");
    }

    [Fact]
    public async Task Completion_with_an_outcome_the_node_does_not_declare_faults_the_step_and_a_retry_hands_the_task_out_again()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.Plan", ("role", Literal("String", "business owner")), ApproveOrReject);

        await run.ResumeAsync(BookmarkKinds.RunTask, "Maybe");

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("'Maybe'").And.Contain("Approved, Rejected");
        await run.RetryAsync();
        run.Status.Should().Be(InstanceStatus.Suspended);
        run.Bookmark(BookmarkKinds.RunTask).Task!.Role.Should().Be("business owner");
    }

    [Fact]
    public async Task Task_without_declared_outcomes_completes_through_Done_whatever_the_completion_carries()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.ObtainBuild", ("role", Literal("String", "developer")));

        await run.ResumeAsync(BookmarkKinds.RunTask, new Dictionary<string, object?> { ["comment"] = "built" });

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Outcome().Should().Be(Outcomes.Done);
    }
}
