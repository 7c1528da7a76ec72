using Itsm.Activities.Expressions;

namespace Itsm.Activities.Engine;

/// <summary>
/// Engine limits. The step budget stops a runaway loop by faulting the instance with a clear message; the size
/// caps fault the step that would make one variable, or the whole instance state, larger than an instance row
/// should ever be.
/// </summary>
public sealed record EngineOptions
{
    public int StepBudgetPerBurst { get; init; } = 10_000;
    public ScriptOptions Scripts { get; init; } = new();
    /// <summary>Longest output summary kept in a journal row.</summary>
    public int JournalSummaryLength { get; init; } = 200;

    /// <summary>
    /// Largest serialized (JSON, UTF-8) input or output value a journal row keeps; a larger one is kept as the start
    /// of its text. The journal is for reading what happened, not a second copy of the state.
    /// </summary>
    public int MaxJournalValueBytes { get; init; } = 1024;

    /// <summary>Largest journal data (all inputs and the output of one step); values past it are left out; 0 keeps none.</summary>
    public int MaxJournalDataBytes { get; init; } = 8 * 1024;

    /// <summary>Largest serialized (JSON, UTF-8) value of one variable or one workflow output.</summary>
    public int MaxVariableBytes { get; init; } = 256 * 1024;

    /// <summary>Largest serialized total of an instance's variables, input and output.</summary>
    public int MaxStateBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Longest correlation id a workflow may set (a script's <c>setCorrelationId</c>, <c>Elsa.Correlate</c>).</summary>
    public int MaxCorrelationIdLength { get; init; } = 256;
}
