using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;

namespace Itsm.Activities.Tests.Engine;

public sealed class ElsaFixtureTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public async Task Decision_fixture_runs_the_true_branch_and_keeps_integer_types()
    {
        var workflow = FlowchartHarness.Compile(Fixture("decision-flow.json"));
        var run = await new FlowchartHarness().StartAsync(workflow);

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("Score").Should().Be(7);
        run.Variable("Doubled").Should().BeOfType<int>().Which.Should().Be(14);
        run.Variable("Classification").Should().Be("urgent");
        run.Completed.Should().NotContain("f6b8d0a2c4e6f8a0", "the False branch must not run");
        run.LastBurst.Journal.Should().Contain(j => j.ActivityName == "WriteLine1" && j.Summary == "Classified as urgent");
    }

    [Fact]
    public async Task Fork_join_fixture_waits_for_all_branches_before_continuing()
    {
        var workflow = FlowchartHarness.Compile(Fixture("fork-join-flow.json"));
        var run = await new FlowchartHarness().StartAsync(workflow);

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("Checks").Should().Be(3);
        run.Variable("Summary").Should().Be("3 checks passed");
        run.Completed.Count(id => id == "d5f7b9c1e3a5c7e9").Should().Be(1, "the join fires once, after all three branches");
    }
}
