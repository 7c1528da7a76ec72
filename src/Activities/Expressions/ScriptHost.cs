using System.Dynamic;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Itsm.Activities.Model;

namespace Itsm.Activities.Expressions;

/// <summary>
/// One Jint engine for one execution burst, created on the first script evaluation: scripts see Elsa's
/// accessors — <c>variables.X</c>, <c>getX()</c>/<c>setX(v)</c>, <c>getVariable("X")</c>/<c>setVariable("X", v)</c>,
/// <c>input</c>/<c>getInput("X")</c>, <c>getWorkflowInstanceId()</c>, <c>getCorrelationId()</c>,
/// <c>setCorrelationId(v)</c>, <c>getLastResult()</c>, <c>setOutput(name, v)</c>, <c>getResumeToken(activityId)</c>,
/// <c>getResumeUrl(activityId)</c> — and run under time,
/// statement, recursion and memory limits.
/// </summary>
public sealed class ScriptHost
{
    private readonly Jint.Engine _engine;
    private Jint.Native.Json.JsonParser? _json;

    public ScriptHost(IScriptScope scope, ScriptOptions options)
    {
        _engine = new Jint.Engine(o => o
            .TimeoutInterval(options.Timeout)
            .MaxStatements(options.MaxStatements)
            .LimitRecursion(options.MaxRecursion)
            .LimitMemory(options.MaxMemoryBytes)
            .Strict(false));
        DefineAccessors(scope);
    }

    /// <summary>Runs the script and returns a plain CLR value (double, string, bool, ExpandoObject, object[]…).</summary>
    public object? Evaluate(PreparedScript script)
    {
        try
        {
            var result = _engine.Evaluate(script.Script);
            return ToClr(result);
        }
        catch (JavaScriptException ex)
        {
            throw new ScriptException($"JavaScript error: {ex.Error} (in `{Shorten(script.Source)}`)", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or StatementsCountOverflowException or RecursionDepthOverflowException or MemoryLimitExceededException)
        {
            throw new ScriptException($"JavaScript stopped: {ex.Message} (in `{Shorten(script.Source)}`)", ex);
        }
    }

    private void DefineAccessors(IScriptScope scope)
    {
        var variables = new JsObject(_engine);
        foreach (var name in scope.VariableNames)
        {
            var variableName = name;
            var getter = new ClrFunction(_engine, "get", (_, _) => FromClr(scope.GetVariable(variableName)));
            var setter = new ClrFunction(_engine, "set", (_, args) =>
            {
                scope.SetVariable(variableName, ToClr(args.At(0)));
                return JsValue.Undefined;
            });
            variables.FastSetProperty(variableName, new GetSetPropertyDescriptor(getter, setter, enumerable: true, configurable: true));
            var pascal = char.ToUpperInvariant(variableName[0]) + variableName[1..];
            if (IsIdentifier(pascal))
            {
                _engine.SetValue("get" + pascal, new Func<object?>(() => scope.GetVariable(variableName)));
                _engine.SetValue("set" + pascal, new Action<JsValue>(value => scope.SetVariable(variableName, ToClr(value))));
            }
        }
        _engine.SetValue("variables", variables);
        _engine.SetValue("getVariable", new Func<string, JsValue>(name => FromClr(scope.GetVariable(name))));
        _engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => scope.SetVariable(name, ToClr(value))));
        _engine.SetValue("input", FromClr(ToExpando(scope.WorkflowInput)));
        _engine.SetValue("getInput", new Func<string, JsValue>(name => FromClr(scope.WorkflowInput.GetValueOrDefault(name))));
        _engine.SetValue("getWorkflowInstanceId", new Func<string>(() => scope.InstanceId));
        _engine.SetValue("getCorrelationId", new Func<string?>(() => scope.CorrelationId));
        _engine.SetValue("setCorrelationId", new Action<string?>(value => scope.CorrelationId = value));
        _engine.SetValue("getLastResult", new Func<JsValue>(() => FromClr(scope.LastResult)));
        _engine.SetValue("setOutput", new Action<string, JsValue>((name, value) => scope.SetOutput(name, ToClr(value))));
        // Callbacks: a sibling branch can hand the waiting activity's resume URL to another system.
        _engine.SetValue("getResumeToken", new Func<string, string?>(scope.GetBookmarkId));
        _engine.SetValue("getResumeUrl", new Func<string, string?>(activityId => scope.GetBookmarkId(activityId) is { } token ? ResumeUrls.For(token) : null));
        _engine.SetValue("isNullOrEmpty", new Func<string?, bool>(string.IsNullOrEmpty));
        _engine.SetValue("isNullOrWhiteSpace", new Func<string?, bool>(string.IsNullOrWhiteSpace));
        _engine.SetValue("newGuidString", new Func<string>(() => Guid.NewGuid().ToString()));
    }

    private JsValue FromClr(object? value) => value switch
    {
        null => JsValue.Null,
        // Plain data goes in as native JS values (via JSON) so scripts can use it like any JS object; the JSON
        // parser builds them directly, where evaluating the text as a script would compile it on every read.
        ExpandoObject or IDictionary<string, object?> or System.Collections.IList when value is not string
            => (_json ??= new Jint.Native.Json.JsonParser(_engine)).Parse(System.Text.Json.JsonSerializer.Serialize(value)),
        _ => JsValue.FromObject(_engine, value),
    };

    private static object? ToClr(JsValue value) => value.IsUndefined() || value.IsNull() ? null : value.ToObject();

    private static ExpandoObject ToExpando(IReadOnlyDictionary<string, object?> map)
    {
        var result = new ExpandoObject();
        IDictionary<string, object?> target = result;
        foreach (var (key, item) in map) target[key] = item;
        return result;
    }

    private static bool IsIdentifier(string name) => name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');

    private static string Shorten(string source) => source.Length > 80 ? source[..80] + "…" : source;
}
