using Itsm.Activities.Itil.Catalogue;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Reads the ITIL tag filters of the journal and instance lists (<c>valueChain</c>, <c>practice</c>, <c>role</c>).
/// Chain activities and practices must be catalogue ids, so a typo is a 400 naming the field rather than an empty
/// list; roles are free text (as on nodes) but may not hold characters no tag can hold.
/// </summary>
public static class JournalTagFilterParser
{
    private const int MaxRoleLength = 200;

    public static WorkflowInstanceLister.FieldError? TryParse(string? valueChain, string? practice, string? role, out JournalTagFilter filter)
    {
        filter = new JournalTagFilter(null, null, null);
        var catalogue = ItilCatalogue.Default;
        valueChain = Blank(valueChain);
        practice = Blank(practice);
        role = Blank(role);
        if (valueChain is not null && catalogue.FindChainActivity(valueChain) is null)
            return new("valueChain", $"'{valueChain}' is not a value-chain activity (known: {string.Join(", ", catalogue.ChainActivities.Select(a => a.Id))}).");
        if (practice is not null && catalogue.FindPractice(practice) is null)
            return new("practice", $"'{practice}' is not an ITIL practice id.");
        if (role is not null && (role.Length > MaxRoleLength || role.Any(c => c is '"' or '\\' || char.IsControl(c))))
            return new("role", $"A role has at most {MaxRoleLength} characters and no quotes, backslashes or control characters.");
        filter = new JournalTagFilter(valueChain, practice, role);
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
