namespace Itsm.Activities.Itil;

/// <summary>How soon the hurt grows if nothing is done: it can wait, it slows work, or work has stopped.</summary>
public enum Urgency
{
    Low,
    Medium,
    High,
}
