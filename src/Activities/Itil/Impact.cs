namespace Itsm.Activities.Itil;

/// <summary>How much of the business an incident hurts: one user, a team or site, or a whole service.</summary>
public enum Impact
{
    Low,
    Medium,
    High,
}
