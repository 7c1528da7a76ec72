using Itsm.Activities.Expressions;

namespace Itsm.Activities.Engine;

/// <summary>Engine limits. The step budget stops a runaway loop by faulting the instance with a clear message.</summary>
public sealed record EngineOptions
{
    public int StepBudgetPerBurst { get; init; } = 10_000;
    public ScriptOptions Scripts { get; init; } = new();
    /// <summary>Longest output summary kept in a journal row.</summary>
    public int JournalSummaryLength { get; init; } = 200;
}
