namespace Itsm.Orchestrator.Runtime;

/// <summary>Runtime settings (section <c>Itsm</c>): where the shipped value streams are read from, and engine limits.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Folder of Elsa 3 JSON definitions seeded at start-up; relative paths are tried from the working directory upwards.</summary>
    public string WorkflowsPath { get; set; } = "workflows";

    public int StepBudgetPerBurst { get; set; } = 10_000;

    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Unattended runs (timers, follow-up work) of one instance that may start without reaching their commit before
    /// the instance is quarantined as Faulted: a step that kills the host must not kill it again at every start.
    /// </summary>
    public int MaxUnfinishedAttempts { get; set; } = 3;

    /// <summary>How often a call that lost a revision race (another caller or node committed first) is run again.</summary>
    public int MaxConflictRetries { get; set; } = 5;
}
