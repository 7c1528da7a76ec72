using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Engine;

public sealed class RecordChangeTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Create(ActivityRegistry.BuiltInTypes().Append(typeof(RecordingStep)), TestPorts.Default);

    private static CompiledWorkflow Flow(int succeedOnTry) => new WorkflowCompiler(Registry).Compile(new FlowBuilder("records")
        .Variable("Tries", "Int32", "0")
        .Activity("start", "Elsa.Start")
        .Activity("log", "Test.RecordingStep", ("recordId", Literal("String", "INC-1")), ("succeedOnTry", Literal("Int32", succeedOnTry.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        .Activity("after", "Elsa.Fault", ("message", Literal("String", "later step fails")))
        .Chain("start", "log", "after")
        .Build());

    [Fact]
    public async Task Record_change_of_a_completed_step_is_reported_with_the_burst_and_names_the_step()
    {
        var harness = new FlowchartHarness();
        var run = await harness.StartAsync(Flow(succeedOnTry: 1));

        run.Status.Should().Be(InstanceStatus.Faulted, "the step after it faults");
        var change = run.LastBurst.RecordChanges.Should().ContainSingle("the completed step's change stays even though a later step faulted").Subject;
        change.RecordType.Should().Be(RecordingStep.RecordType);
        change.RecordId.Should().Be("INC-1");
        change.ActivityId.Should().Be("log");
        ((IDictionary<string, object?>)change.Data!)["writtenOnTry"].Should().Be(1);
    }

    [Fact]
    public async Task Step_that_wrote_and_then_faulted_drops_its_change_and_its_retry_writes_once()
    {
        var harness = new FlowchartHarness();
        var run = await harness.StartAsync(Flow(succeedOnTry: 2));
        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.ActivityId.Should().Be("log");
        run.LastBurst.RecordChanges.Should().BeEmpty("the faulting step did not happen");

        var retry = await harness.Executor.RetryAsync(run.Workflow, run.State, CancellationToken.None);
        retry.RecordChanges.Should().ContainSingle().Which.Data.Should().BeEquivalentTo(new Dictionary<string, object?> { ["writtenOnTry"] = 2, ["status"] = "logged" });
    }
}
