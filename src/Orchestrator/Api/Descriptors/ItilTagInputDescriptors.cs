using System.Text.Json;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Activities.Itil.Catalogue;

namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>
/// The three ITIL tag inputs every activity descriptor lists (Elsa's built-ins included), so Studio's property
/// panel edits a node's tags under an "ITIL" group. Each is a <c>String[]</c> checklist of the catalogue's ids:
/// chain activities, practices (labelled with their category, since a checklist has no groups) and the known roles.
/// Studio has no free-text multi-pick, so roles are a checklist too; a definition may still name any other role.
/// </summary>
public static class ItilTagInputDescriptors
{
    private const string TypeName = "String[]";
    // Studio's checklist writes the checked values as a JSON array in an Object expression.
    private const string Syntax = "Object";
    // After any input of the activity's own.
    private const float FirstOrder = 1000;

    private static readonly Lazy<Choices> Lists = new(() => Build(ItilCatalogue.Default));

    /// <summary>The three inputs for one activity type, pre-checked with the type's default tags.</summary>
    public static IEnumerable<InputDescriptorModel> For(NodeTags defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var lists = Lists.Value;
        yield return Input(ItilTagInputs.ValueChain, "Value chain", "The value-chain activities this step serves, or a stream's demand / value end.",
            lists.Chain, defaults.ValueChain, FirstOrder);
        yield return Input(ItilTagInputs.Practices, "Practices", "The ITIL practices this step uses.",
            lists.Practices, defaults.Practices, FirstOrder + 1);
        yield return Input(ItilTagInputs.Roles, "Roles", "Who performs this step. Roles not in the list may be written into the definition.",
            lists.Roles, defaults.Roles, FirstOrder + 2);
    }

    private static InputDescriptorModel Input(string name, string displayName, string description, IReadOnlyList<(string Value, string Text)> choices, IReadOnlyList<string> defaults, float order)
    {
        var items = choices.Select(choice => new Dictionary<string, object>
        {
            ["text"] = choice.Text,
            ["value"] = choice.Value,
            ["isChecked"] = defaults.Contains(choice.Value, StringComparer.OrdinalIgnoreCase),
        }).ToList();
        return new InputDescriptorModel
        {
            Name = char.ToUpperInvariant(name[0]) + name[1..],
            TypeName = TypeName,
            DisplayName = displayName,
            Description = description,
            Order = order,
            UIHint = UIHints.CheckList,
            Category = ItilTagInputs.Category,
            DefaultSyntax = Syntax,
            DefaultValue = defaults.Count == 0 ? null : JsonSerializer.Serialize(defaults),
            Options = choices.Select(choice => choice.Value).ToList(),
            UISpecifications = new Dictionary<string, object>
            {
                [UIHints.CheckList] = new Dictionary<string, object>
                {
                    ["checkList"] = new Dictionary<string, object> { ["items"] = items, ["isFlagsEnum"] = false },
                },
            },
        };
    }

    private static Choices Build(ItilCatalogue catalogue) => new(
        catalogue.ChainActivities.Select(activity => (activity.Id, activity.Name)).ToList(),
        catalogue.Practices.Select(practice => (practice.Id, $"{practice.Name} ({practice.Category.Name})")).ToList(),
        catalogue.Roles.Select(role => (role, role)).ToList());

    private sealed record Choices(
        IReadOnlyList<(string Value, string Text)> Chain,
        IReadOnlyList<(string Value, string Text)> Practices,
        IReadOnlyList<(string Value, string Text)> Roles);
}
