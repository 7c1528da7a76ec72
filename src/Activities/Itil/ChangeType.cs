namespace Itsm.Activities.Itil;

/// <summary>
/// How a change is authorized: a standard change is pre-authorized (a known, low-risk recipe), a normal change waits
/// for the change authority, an emergency change too but through the expedited authority.
/// </summary>
public enum ChangeType
{
    Standard,
    Normal,
    Emergency,
}
