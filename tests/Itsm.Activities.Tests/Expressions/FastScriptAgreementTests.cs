using System.Dynamic;
using Itsm.Activities.Expressions;

namespace Itsm.Activities.Tests.Expressions;

/// <summary>
/// The engine-free evaluator must give Jint's answer for every script it takes: each expression here runs twice on
/// equal instances, once with the fast path and once on Jint alone, and the results (values, types, -0 and NaN,
/// key order) or the error messages must be the same. Each case also states whether the fast path should take it,
/// so a construct silently dropping out of the subset (and costing an engine again) fails too.
/// </summary>
public sealed class FastScriptAgreementTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        // The shipped intake stream's scripts.
        { "return (variables.Incident && variables.Incident.title) || 'Untitled incident';", true },
        { "var p = variables.Incident && variables.Incident.priority; return p ? String(p) : 'P3';", true },
        { "var p = variables.Missing && variables.Missing.priority; return p ? String(p) : 'P3';", true },
        { "`Triage ${variables.Priority}: ${variables.Title}`", true },
        { "({ title: variables.Title, priority: variables.Priority })", true },
        { "variables.Incident && variables.Incident.title || 'Untitled incident'", true },
        // Literals and number formatting.
        { "undefined", true }, { "null", true }, { "NaN", true }, { "Infinity", true }, { "-Infinity", true }, { "-0", true },
        { "1e21", true }, { "123e-20", true }, { "'it\\'s'.length", true }, { "\"q\\\"uote\\u0041\"", true },
        { "`${variables.Count} ${variables.Ratio} ${variables.Big} ${variables.Small} ${variables.NotANumber} ${variables.Infinite}`", true },
        { "`${variables.Third} ${0.1 + 0.2} ${1e-6} ${1e-7} ${123456789012345680000} ${-1.5e300} ${2.5e-300} ${4294967296.5}`", true },
        { "String(null) + String(undefined) + String(true) + String() + String(-0) + String(1/3)", true },
        { "'' + variables.Score + variables.Flag + variables.Priority + variables.Missing", true },
        { "`multi\nline ${1 + 1}\\t${'x'}`", true },
        // Truthiness.
        { "variables.Count || 'zero is falsy'", true }, { "variables.Text || 'empty is falsy'", true },
        { "variables.NotANumber || 'NaN is falsy'", true }, { "variables.Ratio ? 'yes' : '-0 is falsy'", true },
        { "variables.Incident.zero || variables.Incident.empty || variables.Incident.flag || 'all falsy'", true },
        { "!variables.Flag", true }, { "!!variables.Incident", true }, { "!''", true }, { "!'0'", true }, { "!!variables.Items", true },
        // Nullish.
        { "variables.Priority ?? 'P3'", true }, { "variables.Text ?? 'kept'", true }, { "variables.Missing ?? 'undefined too'", true },
        { "variables.Count ?? 5", true },
        // Equality and comparison.
        { "variables.Count === 0", true }, { "variables.Ratio === 0", true }, { "variables.NotANumber === variables.NotANumber", true },
        { "variables.NotANumber !== variables.NotANumber", true }, { "null == undefined", true }, { "null === undefined", true },
        { "variables.Priority == undefined", true }, { "variables.Priority === null", true }, { "'1' == 1", true }, { "true == 1", true },
        { "'' == 0", true }, { "' \\n' == 0", true }, { "'0x10' == 16", true }, { "'abc' != 'abc'", true }, { "0 == null", true },
        { "'1e3' == 1000", true }, { "false == 'false'", true },
        { "variables.Score > 5", true }, { "'a' < 'b'", true }, { "'B' < 'a'", true }, { "'10' < '9'", true }, { "'10' < 9", true },
        { "null >= 0", true }, { "undefined < 1", true }, { "variables.NotANumber <= 1", true },
        // Arithmetic.
        { "-variables.Score", true }, { "+'42'", true }, { "+''", true }, { "-'x'", true }, { "+true", true }, { "7 % -3", true },
        { "-7 % 3", true }, { "5 - '2'", true }, { "'3' * '4'", true }, { "1 / 0", true }, { "-1 / 0", true }, { "1 + null", true },
        { "1 + undefined", true }, { "true + true", true }, { "'n' + 1 + 2", true }, { "1 + 2 + 'n'", true },
        // typeof.
        { "typeof variables.Incident + typeof variables.Missing + typeof variables.Priority + typeof variables.Title", true },
        { "typeof 1 + typeof true + typeof input + typeof variables.Items", true },
        // Member chains.
        { "variables.Incident.nested.list", true }, { "variables.Incident.nested.list.length", true },
        { "variables.Incident.nested.list[1]", true }, { "variables.Incident.nested.list[9]", true },
        { "variables.Incident['title']", true }, { "variables.Incident.missing", true }, { "variables.Title.length", true },
        { "variables.Title[0]", true }, { "variables.Incident.constructor", true }, { "variables.Incident.nested.list[variables.Count]", true },
        { "input.title", true }, { "input.details.vlan + input.n", true }, { "getInput('severity')", true }, { "getInput('absent')", true },
        { "getVariable('Title')", true }, { "getVariable('Nope')", true }, { "getWorkflowInstanceId()", true },
        { "getCorrelationId()", true }, { "getLastResult()", true },
        // Whole values out.
        { "variables.Incident", true }, { "variables.Items", true }, { "input", true },
        { "[1, 'a', null, undefined, variables.Incident.nested]", true },
        { "({ a: undefined, b: { c: [variables.Items] }, 'quoted key': 1 })", true },
        { "({ a: 1, b: 2, a: 3 })", true },
        { "return;", true }, { "'return'", false }, { "const a = 1; let b = a + 1; var c = `${a}${b}`; return { a, b, c };", true },
        // Errors the fast path leaves to Jint, which must word them as before.
        { "variables.Incident.nested.a.b", true }, { "variables.Missing.x", true },
        // Values and constructs outside the subset: the same answer, from Jint.
        { "Math.max(1, 2)", false }, { "variables.When", true }, { "variables.Incident.title.toUpperCase()", false },
        { "[1, 2].map(x => x * 2)", false }, { "JSON.stringify(variables.Incident)", false }, { "variables.Incident?.title", false },
        { "({ 1: 'a', b: 2 })", false }, { "var x = 1; x", false }, { "`${variables.Incident}`", true },
        { "variables.Incident == variables.Incident", true }, { "[1] + 1", true }, { "2 ** 10", false }, { "variables.Odd", true },
        { "variables.Incident.nested.list.push", true }, { "variables.Count.toFixed", true },
        { "variables.toString", true }, { "variables.Lone.s", true }, { "variables.Lone.ok + variables.Lone.ok.length", true },
        { "variables.Lone", true }, { "'\\uD800' + variables.Title", true },
        { new string('!', 100) + "variables.Flag", false },
        { "if (variables.Flag) return 1; return 2;", false }, { "setVariable('Title', 'x'); return 1;", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fast_path_and_Jint_agree(string source, bool compiles)
    {
        var script = PreparedScript.Prepare(source);
        var fastScope = ScriptScopeFake.Sample();
        var fastHost = new ScriptHost(fastScope, new ScriptOptions());
        var jintHost = new ScriptHost(ScriptScopeFake.Sample(), new ScriptOptions { FastPath = false });

        var fast = Outcome(() => fastHost.Evaluate(script));
        var jint = Outcome(() => jintHost.Evaluate(script));

        Describe(fast).Should().Be(Describe(jint), "the fast path must give Jint's answer for `{0}`", source);
        (script.Fast is not null).Should().Be(compiles, "`{0}` {1} in the fast subset", source, compiles ? "is" : "is not");
    }

    [Theory]
    [InlineData("return (variables.Incident && variables.Incident.title) || 'Untitled incident';")]
    [InlineData("var p = variables.Incident && variables.Incident.priority; return p ? String(p) : 'P3';")]
    [InlineData("`Triage ${variables.Priority}: ${variables.Title}`")]
    [InlineData("({ title: variables.Title, priority: variables.Priority })")]
    [InlineData("[getInput('severity'), input.details.checks.length, typeof variables.Missing, -variables.Score]")]
    public void Scripts_in_the_subset_run_without_creating_an_engine(string source)
    {
        var host = new ScriptHost(ScriptScopeFake.Sample(), new ScriptOptions());

        host.Evaluate(PreparedScript.Prepare(source));

        host.HasEngine.Should().BeFalse();
    }

    [Theory]
    [InlineData("variables.When")]
    [InlineData("`${variables.Incident}`")]
    [InlineData("variables.Missing.x")]
    public void A_value_the_subset_does_not_model_runs_on_Jint(string source)
    {
        var host = new ScriptHost(ScriptScopeFake.Sample(), new ScriptOptions());

        _ = Outcome(() => host.Evaluate(PreparedScript.Prepare(source)));

        host.HasEngine.Should().BeTrue();
    }

    private static object? Outcome(Func<object?> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (ScriptException ex)
        {
            return ex;
        }
    }

    /// <summary>A canonical text of a value: type and exact bits of numbers, key order of objects, error messages.</summary>
    internal static string Describe(object? value) => value switch
    {
        null => "null",
        ScriptException ex => $"error: {ex.Message}",
        double d => double.IsNaN(d) ? "double NaN" : $"double {BitConverter.DoubleToInt64Bits(d):X} ({d:R})",
        string s => $"string \"{s}\"",
        bool b => $"bool {b}",
        ExpandoObject expando => "{" + string.Join(", ", ((IDictionary<string, object?>)expando).Select(p => $"{p.Key}: {Describe(p.Value)}")) + "}",
        object?[] items => "[" + string.Join(", ", items.Select(Describe)) + "]",
        _ => $"{value.GetType().Name} {value}",
    };
}
