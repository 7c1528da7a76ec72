namespace Itsm.Activities.Itil;

/// <summary>The priority of an incident, problem or change: P1 (critical) to P4 (low). Written to records as "P1"…"P4".</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
