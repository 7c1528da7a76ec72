namespace Itsm.Activities.Model;

/// <summary>Elsa's activity kinds: a trigger can start a workflow; a task is work done outside the engine.</summary>
public enum ActivityKind
{
    Action,
    Trigger,
    Task,
    Job,
}
