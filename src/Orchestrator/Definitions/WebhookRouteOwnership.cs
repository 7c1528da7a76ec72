using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// A webhook route (normalized path + method) belongs to one published definition. Without this, two definitions
/// on <c>POST /workflows/incidents</c> would both be candidates and which one starts would depend on index order;
/// a caller of a public URL must know what it starts. New versions of the owner are fine (same definition id);
/// retracting or deleting the owner frees the route. Checked against the in-memory trigger index at publish,
/// which the service's write gate serializes.
/// </summary>
public static class WebhookRouteOwnership
{
    /// <summary>The routes of <paramref name="workflow"/>'s HTTP triggers another published definition already owns (empty: none).</summary>
    public static IReadOnlyList<DefinitionError> FindConflicts(TriggerIndex triggers, CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(workflow);
        var conflicts = new List<DefinitionError>();
        foreach (var node in workflow.TriggerNodes)
        {
            if (!node.CanStartWorkflow || node.TypeName != "Elsa.HttpEndpoint") continue;
            if (!node.TryGetConstantInput("path", out var value) || value is not string path) continue;
            var route = HttpRoutes.Normalize(path);
            var methods = node.TryGetConstantInput("supportedMethods", out var list) && list is string[] given
                ? given.Select(m => m.ToUpperInvariant()).ToArray()
                : ["GET"];
            foreach (var owner in triggers.FindHttp(route))
            {
                if (string.Equals(owner.DefinitionId, workflow.DefinitionId, StringComparison.Ordinal)) continue;
                var shared = methods.Intersect(owner.Methods, StringComparer.OrdinalIgnoreCase).ToList();
                if (shared.Count == 0) continue;
                conflicts.Add(new DefinitionError($"activities.{node.Id}.path",
                    $"{string.Join("/", shared)} /workflows/{route} belongs to the published definition '{owner.DefinitionId}' (activity '{owner.ActivityId}'); retract it or pick another path."));
            }
        }
        return conflicts;
    }
}
