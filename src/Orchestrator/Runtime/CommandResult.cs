using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Runtime;

public enum CommandOutcome
{
    Done,
    NotFound,
    /// <summary>The instance is not in a state the command applies to (e.g. retry of a running instance).</summary>
    Conflict,
}

public sealed record CommandResult(CommandOutcome Outcome, string? Message, WorkflowState? State);
