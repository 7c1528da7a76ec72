using Itsm.Activities.Expressions;

namespace Itsm.Activities.Tests.Expressions;

/// <summary>The script limits hold whichever evaluator takes a script: a fast-path script past a bound faults as on Jint.</summary>
public sealed class FastScriptLimitsTests
{
    private static object Deep(int levels)
    {
        object value = new List<object?>();
        for (var i = 1; i < levels; i++) value = new List<object?> { value };
        return value;
    }

    [Fact]
    public void A_subset_script_wrapping_a_value_past_the_depth_bound_faults_naming_the_limit()
    {
        var scope = new ScriptScopeFake { ["Deep"] = Deep(64) };
        var host = new ScriptHost(scope, new ScriptOptions());
        var script = PreparedScript.Prepare("({ wrapper: variables.Deep })");

        var act = () => host.Evaluate(script);

        script.Fast.Should().NotBeNull();
        act.Should().Throw<ScriptException>().WithMessage("*nested deeper than 64 levels*");
    }

    [Fact]
    public void A_subset_script_reading_a_value_past_the_depth_bound_faults_naming_the_limit()
    {
        var host = new ScriptHost(new ScriptScopeFake { ["Deep"] = Deep(80) }, new ScriptOptions());

        var act = () => host.Evaluate(PreparedScript.Prepare("variables.Deep && 1"));

        act.Should().Throw<ScriptException>().WithMessage("*nested deeper than 64 levels*");
    }

    [Fact]
    public void A_script_outside_the_subset_still_stops_at_the_statement_limit()
    {
        var host = new ScriptHost(new ScriptScopeFake(), new ScriptOptions { MaxStatements = 1_000 });

        var act = () => host.Evaluate(PreparedScript.Prepare("while (true) {}"));

        act.Should().Throw<ScriptException>().WithMessage("JavaScript stopped:*");
    }

    [Fact]
    public void A_lower_depth_bound_applies_to_fast_path_results_too()
    {
        var host = new ScriptHost(ScriptScopeFake.Sample(), new ScriptOptions { MaxValueDepth = 2 });

        var act = () => host.Evaluate(PreparedScript.Prepare("({ a: { b: { c: 1 } } })"));

        act.Should().Throw<ScriptException>().WithMessage("*nested deeper than 2 levels*");
    }
}
