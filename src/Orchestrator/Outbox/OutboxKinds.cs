namespace Itsm.Orchestrator.Outbox;

/// <summary>The kinds of follow-up work the runtime writes.</summary>
public static class OutboxKinds
{
    /// <summary>Deliver an event a workflow published (<c>Elsa.PublishEvent</c>).</summary>
    public const string DeliverEvent = "event.deliver";

    /// <summary>Resume the parent waiting on a child workflow that ended.</summary>
    public const string ResumeParent = "workflow.resume-parent";

    /// <summary>Arm an instance's timers again (after a retry: timers due while it was faulted fire now).</summary>
    public const string ArmTimers = "timers.arm";
}
