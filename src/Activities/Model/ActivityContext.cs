using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Microsoft.Extensions.Logging;

namespace Itsm.Activities.Model;

/// <summary>
/// What an executing activity may know and do: ids, clock, variables, the workflow's input, the value it
/// was resumed with, and a few effects the runtime carries out (HTTP answer, published events).
/// One context serves a whole burst and is repointed at each step, so a step allocates no context.
/// </summary>
public sealed class ActivityContext : IScriptScope
{
    private static readonly IReadOnlyDictionary<string, object?> NoInput = new Dictionary<string, object?>();
    private readonly WorkflowState _state;
    private readonly BurstResult _result;
    private readonly EngineOptions _options;
    private ScriptHost? _scripts;
    private StateBudget? _budget;

    internal ActivityContext(CompiledWorkflow workflow, WorkflowState state, BurstResult result, EngineOptions options, TimeProvider clock, ILogger logger)
    {
        Workflow = workflow;
        _state = state;
        _result = result;
        _options = options;
        Clock = clock;
        Logger = logger;
    }

    public CompiledWorkflow Workflow { get; }
    public TimeProvider Clock { get; }
    public DateTimeOffset Now => Clock.GetUtcNow();
    public ILogger Logger { get; }
    public string InstanceId => _state.InstanceId;
    public string DefinitionId => _state.DefinitionId;

    public string? CorrelationId
    {
        get => _state.CorrelationId;
        set
        {
            // Correlation ids are indexed and matched on every event delivery: a script must not store a page of text there.
            if (value?.Length > _options.MaxCorrelationIdLength)
                throw new WorkflowValueException($"correlation id is {value.Length} characters, more than the limit of {_options.MaxCorrelationIdLength}");
            _state.CorrelationId = value;
        }
    }

    internal CompiledNode Node { get; set; } = null!;
    public string ActivityId => Node.Id;
    public string? ActivityName => Node.Name;

    /// <summary>What the resumer sent (resume) or the trigger's payload (a start at this trigger activity).</summary>
    public object? ResumeInput { get; internal set; }

    /// <summary>True when this burst started the workflow at this very activity (a trigger firing).</summary>
    public bool IsTriggerOfThisStart { get; internal set; }

    public object? LastResult { get; internal set; }

    public IReadOnlyDictionary<string, object?> WorkflowInput => _state.Input ?? NoInput;

    public IEnumerable<string> VariableNames => Workflow.Variables.Select(variable => variable.Name);

    internal ScriptHost Scripts => _scripts ??= new ScriptHost(this, _options.Scripts);

    /// <summary>Reads a variable by name or id; an undeclared name reads as null.</summary>
    public object? GetVariable(string nameOrId)
    {
        var name = Workflow.VariablesByKey.TryGetValue(nameOrId, out var variable) ? variable.Name : nameOrId;
        return _state.Variables.GetValueOrDefault(name);
    }

    /// <summary>
    /// Sets a declared variable by name or id, converting to its declared type (so an Int32 stays an integer).
    /// Like Elsa, an undeclared name is refused rather than silently created; values past the size caps are refused.
    /// </summary>
    public void SetVariable(string nameOrId, object? value)
    {
        if (!Workflow.VariablesByKey.TryGetValue(nameOrId, out var variable))
            throw new WorkflowValueException($"variable '{nameOrId}' is not declared by the workflow");
        var converted = ValueConverter.Convert(PlainData.Normalize(value), variable.Type);
        (_budget ??= new StateBudget(_state, _options)).Admit(variable.Name, converted, StateBudget.VariablePrefix);
        _state.Variables[variable.Name] = converted;
    }

    /// <summary>Sets a workflow output (a script's <c>setOutput</c>); it counts towards the same size caps as a variable.</summary>
    public void SetOutput(string name, object? value)
    {
        value = PlainData.Normalize(value);
        (_budget ??= new StateBudget(_state, _options)).Admit(name, value, StateBudget.OutputPrefix);
        (_state.Output ??= new(StringComparer.Ordinal))[name] = value;
    }

    public string? GetBookmarkId(string activityId) => _state.Bookmarks.FindLast(b => b.ActivityId == activityId)?.Id;

    /// <summary>Evaluates an expression an activity holds as data (e.g. a switch case's condition).</summary>
    public T? Evaluate<T>(ExpressionModel expression)
    {
        var value = expression.Type switch
        {
            _ when string.Equals(expression.Type, ExpressionTypes.JavaScript, StringComparison.OrdinalIgnoreCase)
                => Scripts.Evaluate(PreparedScript.Prepare(expression.Text ?? "")),
            _ when string.Equals(expression.Type, ExpressionTypes.Variable, StringComparison.OrdinalIgnoreCase)
                => GetVariable(VariableReference.FromExpression(expression)),
            _ when string.Equals(expression.Type, ExpressionTypes.Object, StringComparison.OrdinalIgnoreCase)
                => expression.Text is { } json ? PlainJson.Parse(json) : null,
            _ => expression.Text,
        };
        return ValueConverter.To<T>(value);
    }

    /// <summary>Answers the HTTP request that is waiting on this burst (dropped when none is).</summary>
    public void SetHttpResponse(HttpResponseSpec response) => _result.HttpResponse = response;

    /// <summary>
    /// Creates, replaces or deletes a service-management record in the same commit as this step. Dropped if the step
    /// faults, so a retried step writes once.
    /// </summary>
    public void WriteRecord(RecordChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(change.RecordType) || string.IsNullOrWhiteSpace(change.RecordId))
            throw new ArgumentException("A record change needs a record type and id.", nameof(change));
        _result.RecordChanges.Add(change with
        {
            ActivityId = Node.Id,
            ExpectedVersion = change.ExpectedVersion
                ?? (_result.RecordVersionsRead.TryGetValue((change.RecordType, change.RecordId), out var read) ? read : null),
        });
    }

    /// <summary>
    /// Notes that this burst read a committed record at <paramref name="version"/> (0: it did not exist). A change the
    /// burst then writes to it is committed only if the record is still at that version; otherwise the burst runs again.
    /// The first read counts: later reads of the same record in the burst see the same snapshot or the burst's own change.
    /// </summary>
    public void NoteRecordRead(string recordType, string recordId, long version)
        => _result.RecordVersionsRead.TryAdd((recordType, recordId), version);

    /// <summary>The latest uncommitted change this burst made to a record (null: none; read the store through a port).</summary>
    public RecordChange? PendingRecord(string recordType, string recordId)
        => _result.RecordChanges.FindLast(c => c.RecordType == recordType && c.RecordId == recordId);

    /// <summary>Where the current step's record changes begin; a fault drops everything after it.</summary>
    internal int StepRecordStart { get; private set; }

    internal void BeginStep()
    {
        StepRecordStart = _result.RecordChanges.Count;
        StepInputs = null;
    }

    /// <summary>The inputs the current step bound (its input record), kept by reference for its journal row.</summary>
    internal object? StepInputs { get; private set; }

    internal void DropStepRecords()
    {
        if (_result.RecordChanges.Count > StepRecordStart)
            _result.RecordChanges.RemoveRange(StepRecordStart, _result.RecordChanges.Count - StepRecordStart);
    }

    /// <summary>Publishes an event to waiting workflows once this burst has committed.</summary>
    public void PublishEvent(string eventName, string? correlationId, object? payload)
        => _result.PublishedEvents.Add(new PublishedEvent(eventName, correlationId, payload, InstanceId));

    public TInputs BindInputs<TInputs>() where TInputs : class
    {
        var inputs = (TInputs)(Node.Binder ?? throw new InvalidOperationException($"{Node} has no input binder."))(this);
        StepInputs = inputs;
        return inputs;
    }

    internal bool HasInput(int slot) => Node.Inputs[slot] is not null;

    internal object? EvaluateInput(int slot)
    {
        try
        {
            return Node.Inputs[slot]!.Evaluate(this);
        }
        catch (Exception ex) when (ex is ScriptException or FormatException or WorkflowValueException)
        {
            throw new InputEvaluationException(Node.Descriptor.Inputs[slot].Name, ex.Message, ex);
        }
    }
}
