using Itsm.Activities.Itil;

namespace Itsm.Orchestrator.Records;

/// <summary>The record API's kinds: one table instead of nine controllers (<c>Api/Records/ItilRecordsController</c>).</summary>
public static class RecordKinds
{
    /// <summary>The routes of <see cref="All"/> as a route constraint (attributes need a constant; a test keeps them in step).</summary>
    public const string RouteConstraint =
        "regex(^(incidents|problems|changes|configuration-items|assets|catalogue|improvements|surveys|notifications)$)";

    /// <summary>The kinds a person may create and update: their routes as a route constraint.</summary>
    public const string WritableRouteConstraint = "regex(^(configuration-items|assets|improvements)$)";

    public static readonly IReadOnlyList<RecordKind> All =
    [
        new("incidents", RecordTypes.Incident),
        new("problems", RecordTypes.Problem),
        new("changes", RecordTypes.Change),
        new("configuration-items", RecordTypes.ConfigurationItem, RecordForm.ConfigurationItem),
        new("assets", RecordTypes.Asset, RecordForm.Asset),
        new("catalogue", RecordTypes.CatalogueEntry),
        new("improvements", RecordTypes.Improvement, RecordForm.Improvement),
        new("surveys", RecordTypes.Survey),
        new("notifications", RecordTypes.Notification),
    ];

    private static readonly Dictionary<string, RecordKind> ByRoutes = All.ToDictionary(k => k.Route, StringComparer.OrdinalIgnoreCase);

    public static RecordKind? ByRoute(string route) => ByRoutes.GetValueOrDefault(route);
}
