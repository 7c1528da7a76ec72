using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;

namespace Itsm.Activities.Itil.Catalogue;

/// <summary>
/// What publishing checks in a workflow's ITIL tags. An id that is not a chain activity or practice of the catalogue
/// is an error naming the node. A practice that contributes nothing (heat 0) to every chain activity its node is
/// tagged with is only a warning: tagging is a judgement, and the catalogue's heats are a guide. An unknown heat
/// (null) and the stream ends (<c>demand</c>, <c>value</c>, no heat) never warn. Roles are free: not checked.
/// </summary>
public static class ItilTagRules
{
    public static ItilTagCheck Check(CompiledWorkflow workflow, ItilCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<DefinitionError>();
        var warnings = new List<DefinitionWarning>();
        foreach (var node in workflow.Nodes)
        {
            var tags = node.Tags;
            if (tags.IsEmpty) continue;
            var path = $"root.activities[{node.Index}]";
            var label = node.Name is { Length: > 0 } name && name != node.Id ? $"Activity '{node.Id}' ({name})" : $"Activity '{node.Id}'";

            var chain = new List<ValueChainActivity>();
            foreach (var id in tags.ValueChain)
            {
                if (catalogue.FindChainActivity(id) is { } activity) chain.Add(activity);
                else errors.Add(new DefinitionError($"{path}.{ItilTagInputs.ValueChain}",
                    $"{label}: '{id}' is not a value-chain activity (known: {string.Join(", ", catalogue.ChainActivities.Select(a => a.Id))})."));
            }

            var withHeat = chain.Where(activity => !activity.IsStreamEnd).ToList();
            foreach (var id in tags.Practices)
            {
                if (catalogue.FindPractice(id) is not { } practice)
                {
                    errors.Add(new DefinitionError($"{path}.{ItilTagInputs.Practices}", $"{label}: '{id}' is not an ITIL practice id."));
                    continue;
                }
                if (withHeat.Count > 0 && withHeat.All(activity => practice.HeatIn(activity.Id) == 0))
                    warnings.Add(new DefinitionWarning($"{path}.{ItilTagInputs.Practices}",
                        $"{label}: practice '{practice.Id}' contributes nothing to {string.Join(" or ", withHeat.Select(a => $"'{a.Id}'"))}; check the node's tags."));
            }
        }
        return new ItilTagCheck(errors, warnings);
    }
}
