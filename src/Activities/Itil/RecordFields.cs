namespace Itsm.Activities.Itil;

/// <summary>
/// The JSON property names (camelCase) every record's data uses for what the store indexes and lists filter on.
/// A record's data is a JSON object; these are optional except <see cref="Number"/> and <see cref="Status"/>.
/// </summary>
public static class RecordFields
{
    /// <summary>Human number, e.g. <c>INC0001042</c> (from <see cref="Ports.IRecordNumbers"/>).</summary>
    public const string Number = "number";

    /// <summary>Lifecycle status, lower-case kebab (<c>new</c>, <c>in-progress</c>, <c>resolved</c>, <c>closed</c>…).</summary>
    public const string Status = "status";

    /// <summary><c>P1</c>–<c>P4</c> where the type has one (incidents, problems, changes).</summary>
    public const string Priority = "priority";

    /// <summary>One-line title or name, searched by the lists' text filter.</summary>
    public const string Title = "title";

    /// <summary>
    /// Links to other records: an array of <c>{ "type": "change", "id": "…", "relation": "resolved-by" }</c>
    /// (relation optional). The store keeps them both ways, so an incident lists its change and the change its incident.
    /// </summary>
    public const string Links = "links";
}
