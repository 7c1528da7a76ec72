using Itsm.Activities.Definitions;

namespace Itsm.Activities.Itil.Catalogue;

/// <summary>The errors (publishing refused) and warnings (published, reported) <see cref="ItilTagRules"/> found.</summary>
public sealed record ItilTagCheck(IReadOnlyList<DefinitionError> Errors, IReadOnlyList<DefinitionWarning> Warnings);
