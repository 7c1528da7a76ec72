namespace Itsm.Activities.Engine;

/// <summary>
/// Identifiers for instances, bookmarks and faults: 32 hex characters of a random GUID, so a bookmark id
/// can double as an unguessable resume token in a callback URL.
/// </summary>
public static class Ids
{
    public static string New() => Guid.NewGuid().ToString("N");
}
