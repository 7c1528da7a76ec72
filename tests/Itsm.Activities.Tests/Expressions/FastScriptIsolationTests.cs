using Itsm.Activities.Expressions;

namespace Itsm.Activities.Tests.Expressions;

/// <summary>
/// The engine-free evaluator keeps nothing between evaluations: a compiled script is shared by every instance, its
/// values are not. What one instance's script does to the script globals is never seen by another instance, and
/// within a burst the fast path steps aside once a script has run on the burst's engine.
/// </summary>
public sealed class FastScriptIsolationTests
{
    [Fact]
    public void A_global_written_by_one_instance_is_not_visible_in_the_next()
    {
        var first = new ScriptHost(ScriptScopeFake.Sample(), new ScriptOptions());
        var second = new ScriptHost(ScriptScopeFake.Sample(), new ScriptOptions());

        first.Evaluate(PreparedScript.Prepare("globalThis.leak = variables.Title; String = function () { return 'hijacked'; }; return 1;"));

        second.Evaluate(PreparedScript.Prepare("typeof leak")).Should().Be("undefined");
        second.Evaluate(PreparedScript.Prepare("String(1)")).Should().Be("1");
        second.HasEngine.Should().BeTrue("`typeof leak` reads a global the subset does not know, so it ran on a fresh engine");
    }

    [Fact]
    public void After_a_script_changed_a_global_the_rest_of_the_burst_sees_the_change()
    {
        var host = new ScriptHost(ScriptScopeFake.Sample(), new ScriptOptions());

        host.Evaluate(PreparedScript.Prepare("String = function () { return 'redefined'; }; return 1;"));

        host.Evaluate(PreparedScript.Prepare("String(1)")).Should().Be("redefined");
    }

    [Fact]
    public void One_compiled_script_gives_each_instance_its_own_values()
    {
        var script = PreparedScript.Prepare("var t = variables.Title; return { t, id: getWorkflowInstanceId() };");
        var firstScope = ScriptScopeFake.Sample();
        var secondScope = new ScriptScopeFake { ["Title"] = "Printer jam", InstanceId = "instance-2" };

        var first = (IDictionary<string, object?>)new ScriptHost(firstScope, new ScriptOptions()).Evaluate(script)!;
        var second = (IDictionary<string, object?>)new ScriptHost(secondScope, new ScriptOptions()).Evaluate(script)!;

        script.Fast.Should().NotBeNull();
        first.Should().Equal(new Dictionary<string, object?> { ["t"] = "WiFi", ["id"] = "instance-1" });
        second.Should().Equal(new Dictionary<string, object?> { ["t"] = "Printer jam", ["id"] = "instance-2" });
    }

    [Fact]
    public void A_returned_workflow_value_is_a_copy_the_instance_does_not_share()
    {
        var scope = ScriptScopeFake.Sample();
        var host = new ScriptHost(scope, new ScriptOptions());

        var copy = (IDictionary<string, object?>)host.Evaluate(PreparedScript.Prepare("variables.Incident"))!;
        copy["title"] = "changed by the caller";

        ((IDictionary<string, object?>)scope["Incident"]!)["title"].Should().Be("WiFi down");
        host.HasEngine.Should().BeFalse();
    }
}
