using Itsm.Activities.Expressions;

namespace Itsm.Activities.Tests.Expressions;

/// <summary>An instance as scripts see it, with the kinds of values workflows hold (parsed JSON, longs, doubles, dates).</summary>
internal sealed class ScriptScopeFake : Dictionary<string, object?>, IScriptScope
{
    public IEnumerable<string> VariableNames => Keys;
    public object? GetVariable(string nameOrId) => TryGetValue(nameOrId, out var value) ? value : null;
    public void SetVariable(string nameOrId, object? value) => this[nameOrId] = value;
    public Dictionary<string, object?> Input { get; } = new();
    public IReadOnlyDictionary<string, object?> WorkflowInput => Input;
    public string InstanceId { get; init; } = "instance-1";
    public string? CorrelationId { get; set; }
    public object? LastResult { get; set; }
    public Dictionary<string, object?> Outputs { get; } = new();
    public void SetOutput(string name, object? value) => Outputs[name] = value;
    public string? GetBookmarkId(string activityId) => null;

    /// <summary>A scope holding an incident as the webhook's parsed JSON body, and values of every primitive kind.</summary>
    public static ScriptScopeFake Sample()
    {
        var scope = new ScriptScopeFake
        {
            ["Incident"] = PlainJson.Parse("""
                {"title":"WiFi down","priority":"P2","count":3,"ratio":0.5,"empty":"","zero":0,"flag":false,
                 "nested":{"a":null,"list":[1,"two",true,null,2.5]},"constructor":"own"}
                """),
            ["Title"] = "WiFi",
            ["Priority"] = null,
            ["Count"] = 0,
            ["Score"] = 7L,
            ["Ratio"] = -0.0,
            ["Big"] = 1e21,
            ["Small"] = 1e-7,
            ["Third"] = 1.0 / 3,
            ["NotANumber"] = double.NaN,
            ["Infinite"] = double.NegativeInfinity,
            ["Flag"] = false,
            ["Text"] = "",
            ["Items"] = new List<object?> { 1L, "a", null },
            ["When"] = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc),
            ["Lone"] = new Dictionary<string, object?> { ["s"] = "a\uD800b", ["ok"] = "é€😀" },
            ["Odd"] = PlainJson.Parse("""{"9":"nine","b":"bee","a":"ay"}"""),
        };
        scope.Input["title"] = "From input";
        scope.Input["severity"] = "major";
        scope.Input["n"] = 42L;
        scope.Input["details"] = PlainJson.Parse("""{"vlan":42,"checks":[1,2,3]}""");
        scope.CorrelationId = "corr-1";
        scope.LastResult = "last";
        return scope;
    }
}
