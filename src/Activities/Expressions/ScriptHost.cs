using System.Diagnostics.CodeAnalysis;
using System.Dynamic;
using System.Text.RegularExpressions;
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
/// <c>getResumeUrl(activityId)</c> — and run under time, statement, recursion and memory limits, with Jint's
/// native stack guard on, regex matching held to the time limit, values crossing in either direction bounded in
/// depth (<see cref="ScriptValues"/>), and a bound on how many scripts evaluate at once (<see cref="ScriptOptions"/>).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The Jint engine lives for one burst and is dropped with its ActivityContext; its Dispose only clears caches the GC reclaims, and a disposable ActivityContext would change the public activity API.")]
public sealed class ScriptHost
{
    private readonly Jint.Engine _engine;
    private readonly ScriptOptions _options;
    private readonly ScriptValues _values;
    private readonly ScriptThreads? _threads;
    private readonly SemaphoreSlim? _gate;

    public ScriptHost(IScriptScope scope, ScriptOptions options)
    {
        _options = options;
        _engine = new Jint.Engine(o =>
        {
            o.TimeoutInterval(options.Timeout)
                .MaxStatements(options.MaxStatements)
                .LimitRecursion(options.MaxRecursion)
                .LimitMemory(options.MaxMemoryBytes)
                .Strict(false);
            // Native recursion (join, toString, JSON.stringify of a deep value, getters, coercions) is not a JS
            // call, so LimitRecursion never sees it: the guard probes the native stack and throws a RangeError.
            o.Constraints.StackOverflowGuard = true;
            // Regex matching is native work the statement/time constraints cannot interrupt; Jint's default is 10 s.
            o.Constraints.RegexTimeout = options.Timeout;
            o.Json.MaxParseDepth = options.MaxValueDepth + 1;
        });
        _values = new ScriptValues(_engine, options.MaxValueDepth);
        if (options.MaxConcurrency > 0 && options.DedicatedThreads) _threads = ScriptThreads.Get(options.MaxConcurrency, options.ThreadStackBytes);
        else if (options.MaxConcurrency > 0) _gate = ScriptGate.For(options.MaxConcurrency);
        DefineAccessors(scope);
    }

    /// <summary>
    /// Runs the script and returns a plain CLR value (double, string, bool, ExpandoObject, object[]…). Whatever the
    /// script does, the outcome is a value or a <see cref="ScriptException"/> in the workflow's terms.
    /// </summary>
    public object? Evaluate(PreparedScript script)
    {
        if (_threads is not null) return _threads.Run(static s => s.Host.EvaluateHere(s.Script), (Host: this, Script: script));
        if (_gate is null) return EvaluateHere(script);
        _gate.Wait();
        try
        {
            return EvaluateHere(script);
        }
        finally
        {
            _gate.Release();
        }
    }

    private object? EvaluateHere(PreparedScript script)
    {
        try
        {
            var result = _engine.Evaluate(script.Script);
            return _values.ToClr(result);
        }
        catch (JavaScriptException ex)
        {
            throw new ScriptException($"JavaScript error: {ex.Error} (in `{Shorten(script.Source)}`)", ex);
        }
        catch (WorkflowValueException ex)
        {
            var message = char.ToUpperInvariant(ex.Message[0]) + ex.Message[1..];
            throw new ScriptException($"{message} (in `{Shorten(script.Source)}`)", ex);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new ScriptException($"JavaScript stopped: a regular expression ran longer than the script limit of {_options.Timeout.TotalSeconds:0.###} s (in `{Shorten(script.Source)}`)", ex);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new ScriptException($"JavaScript stopped: the script nested too deeply (in `{Shorten(script.Source)}`)", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or StatementsCountOverflowException or RecursionDepthOverflowException or MemoryLimitExceededException)
        {
            throw new ScriptException($"JavaScript stopped: {ex.Message} (in `{Shorten(script.Source)}`)", ex);
        }
    }

    private void DefineAccessors(IScriptScope scope)
    {
        var variables = new VariablesObject(_engine);
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

    private JsValue FromClr(object? value) => _values.FromClr(value);

    private object? ToClr(JsValue value) => _values.ToClr(value);

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
