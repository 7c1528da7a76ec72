namespace Itsm.Orchestrator.Runtime;

/// <summary>Runtime settings (section <c>Itsm</c>): where the shipped value streams are read from, and engine limits.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Folder of Elsa 3 JSON definitions seeded at start-up; relative paths are tried from the working directory upwards.</summary>
    public string WorkflowsPath { get; set; } = "workflows";

    public int StepBudgetPerBurst { get; set; } = 10_000;

    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
