using System.Diagnostics.CodeAnalysis;
using System.Dynamic;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Itsm.Activities.Expressions.FastPath;
using Itsm.Activities.Model;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Scripts of one execution burst. A script written in a small subset (<see cref="FastPath.FastScriptCompiler"/>) is
/// evaluated without an engine; any other gets one Jint engine for the burst, created on first need: scripts see Elsa's
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
    private readonly IScriptScope _scope;
    private readonly ScriptOptions _options;
    private readonly ScriptThreads? _threads;
    private readonly SemaphoreSlim? _gate;
    private Jint.Engine? _engine;
    private ScriptValues? _values;
    private string[]? _variableNames;

    public ScriptHost(IScriptScope scope, ScriptOptions options)
    {
        _scope = scope;
        _options = options;
        if (options.MaxConcurrency > 0 && options.DedicatedThreads) _threads = ScriptThreads.Get(options.MaxConcurrency, options.ThreadStackBytes);
        else if (options.MaxConcurrency > 0) _gate = ScriptGate.For(options.MaxConcurrency);
    }

    /// <summary>Whether this burst has created its Jint engine (a script outside the engine-free subset ran).</summary>
    internal bool HasEngine => _engine is not null;

    /// <summary>
    /// The burst's engine, created on the first script the engine-free evaluator does not take: building one costs
    /// ~13 µs and ~42 KB, most of a short burst's cost.
    /// </summary>
    private Jint.Engine Engine
    {
        get
        {
            if (_engine is not null) return _engine;
            var options = _options;
            var engine = new Jint.Engine(o =>
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
            _values = new ScriptValues(engine, options.MaxValueDepth);
            _engine = engine;
            DefineAccessors(_scope);
            return engine;
        }
    }

    /// <summary>
    /// Runs the script and returns a plain CLR value (double, string, bool, ExpandoObject, object[]…). Whatever the
    /// script does, the outcome is a value or a <see cref="ScriptException"/> in the workflow's terms.
    /// </summary>
    public object? Evaluate(PreparedScript script)
    {
        // Until a script of this burst has run on Jint, the engine's globals would be pristine, so the engine-free
        // evaluator's answer is exactly the engine's; afterwards a script may have changed a global it relies on
        // (`String = …`), so the rest of the burst stays on Jint. The evaluator holds no state of its own, and it runs
        // on the caller's thread outside the gate: its work is bounded by the size of the script and the values it reads.
        if (_engine is null && _options.FastPath && script.Fast is { } fast
            && fast.TryEvaluate(_scope, _variableNames ??= [.. _scope.VariableNames], _options.MaxValueDepth, out var value))
            return value;
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
            var result = Engine.Evaluate(script.Script);
            return _values!.ToClr(result);
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
        var engine = _engine!;
        var variables = new VariablesObject(engine);
        foreach (var name in scope.VariableNames)
        {
            var variableName = name;
            var getter = new ClrFunction(engine, "get", (_, _) => FromClr(scope.GetVariable(variableName)));
            var setter = new ClrFunction(engine, "set", (_, args) =>
            {
                scope.SetVariable(variableName, ToClr(args.At(0)));
                return JsValue.Undefined;
            });
            variables.FastSetProperty(variableName, new GetSetPropertyDescriptor(getter, setter, enumerable: true, configurable: true));
            var pascal = char.ToUpperInvariant(variableName[0]) + variableName[1..];
            if (IsIdentifier(pascal))
            {
                engine.SetValue("get" + pascal, new Func<object?>(() => scope.GetVariable(variableName)));
                engine.SetValue("set" + pascal, new Action<JsValue>(value => scope.SetVariable(variableName, ToClr(value))));
            }
        }
        engine.SetValue("variables", variables);
        engine.SetValue("getVariable", new Func<string, JsValue>(name => FromClr(scope.GetVariable(name))));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => scope.SetVariable(name, ToClr(value))));
        engine.SetValue("input", FromClr(ToExpando(scope.WorkflowInput)));
        engine.SetValue("getInput", new Func<string, JsValue>(name => FromClr(scope.WorkflowInput.GetValueOrDefault(name))));
        engine.SetValue("getWorkflowInstanceId", new Func<string>(() => scope.InstanceId));
        engine.SetValue("getCorrelationId", new Func<string?>(() => scope.CorrelationId));
        engine.SetValue("setCorrelationId", new Action<string?>(value => scope.CorrelationId = value));
        engine.SetValue("getLastResult", new Func<JsValue>(() => FromClr(scope.LastResult)));
        engine.SetValue("setOutput", new Action<string, JsValue>((name, value) => scope.SetOutput(name, ToClr(value))));
        // Callbacks: a sibling branch can hand the waiting activity's resume URL to another system.
        engine.SetValue("getResumeToken", new Func<string, string?>(scope.GetBookmarkId));
        engine.SetValue("getResumeUrl", new Func<string, string?>(activityId => scope.GetBookmarkId(activityId) is { } token ? ResumeUrls.For(token) : null));
        engine.SetValue("isNullOrEmpty", new Func<string?, bool>(string.IsNullOrEmpty));
        engine.SetValue("isNullOrWhiteSpace", new Func<string?, bool>(string.IsNullOrWhiteSpace));
        engine.SetValue("newGuidString", new Func<string>(() => Guid.NewGuid().ToString()));
    }

    private JsValue FromClr(object? value) => _values!.FromClr(value);

    private object? ToClr(JsValue value) => _values!.ToClr(value);

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
