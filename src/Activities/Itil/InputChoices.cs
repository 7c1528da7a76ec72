using Itsm.Activities.Itil.Catalogue;

namespace Itsm.Activities.Itil;

/// <summary>
/// Vocabularies an input's pick list can name (<see cref="Model.InputAttribute.OptionsFrom"/>). The lists live in one
/// place (the ITIL catalogue, <see cref="RecordTypes"/>), so the designer offers what the engine and the records know.
/// A "…OrNone" list starts with an empty choice, for optional inputs whose empty value means something (an automated step).
/// </summary>
public static class InputChoices
{
    public const string Roles = "itil-roles";
    public const string RolesOrNone = "itil-roles-or-none";
    public const string RecordTypesOrNone = "record-types-or-none";

    /// <summary>The choices of the named vocabulary; an unknown name is a programming error in an activity's declaration.</summary>
    public static IReadOnlyList<string> Resolve(string vocabulary, ItilCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        catalogue ??= ItilCatalogue.Default;
        return vocabulary switch
        {
            Roles => catalogue.Roles.Order(StringComparer.Ordinal).ToList(),
            RolesOrNone => [string.Empty, .. catalogue.Roles.Order(StringComparer.Ordinal)],
            RecordTypesOrNone => [string.Empty, .. RecordTypes.All.Order(StringComparer.Ordinal)],
            _ => throw new InvalidOperationException($"'{vocabulary}' is not a vocabulary of {nameof(InputChoices)}."),
        };
    }
}
