using System.Globalization;
using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// The human tasks ITIL activities hand out. They are ordinary task bookmarks (<see cref="BookmarkKinds.RunTask"/>), so
/// they land in the role's inbox and are completed through the tasks API like <c>Elsa.RunTask</c>; the completion's
/// result names the outcome the person picked: <c>"Approved"</c>, or <c>{ "outcome": "Approved", "comment": "…" }</c>.
/// </summary>
internal static class HumanTasks
{
    public static Suspended Assign(ActivityContext context, string role, string title, IReadOnlyList<string> outcomes, int? priority = null,
        TimeSpan? dueIn = null, object? details = null)
        => ActivityResult.Suspend(new BookmarkRequest(BookmarkKinds.RunTask, context.ActivityName ?? context.ActivityId)
        {
            Payload = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["taskName"] = context.ActivityName ?? context.ActivityId,
                ["outcomes"] = outcomes.Cast<object?>().ToList(),
                ["payload"] = details,
            },
            Task = new HumanTask
            {
                Role = role,
                Title = title,
                Priority = priority,
                DueAt = dueIn is { } span ? context.Now + span : null,
            },
        });

    /// <summary>
    /// The outcome the completer picked among <paramref name="offered"/> (matched ignoring case, returned as declared).
    /// A completion without one picks the only outcome when there is just one; otherwise it is an error message.
    /// </summary>
    public static bool TryPickOutcome(object? result, IReadOnlyList<string> offered, out string outcome, out string error)
    {
        var picked = result switch
        {
            string text => text,
            IDictionary<string, object?> map => map.FirstOrDefault(pair => string.Equals(pair.Key, "outcome", StringComparison.OrdinalIgnoreCase)).Value is { } value
                ? Convert.ToString(value, CultureInfo.InvariantCulture)
                : null,
            _ => null,
        };
        error = "";
        outcome = "";
        if (string.IsNullOrWhiteSpace(picked))
        {
            if (offered.Count == 1)
            {
                outcome = offered[0];
                return true;
            }
            error = $"The task was completed without an outcome; it must name one of: {string.Join(", ", offered)} (e.g. {{\"outcome\": \"{offered[0]}\"}}). Retry the instance to hand the task out again.";
            return false;
        }
        var match = offered.FirstOrDefault(o => string.Equals(o, picked.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            error = $"The task was completed with outcome '{picked}', which this step does not offer (it offers {string.Join(", ", offered)}). Retry the instance to hand the task out again.";
            return false;
        }
        outcome = match;
        return true;
    }

    /// <summary>The completer's comment, when the result carries one.</summary>
    public static string? Comment(object? result) => result is IDictionary<string, object?> map
        && map.FirstOrDefault(pair => string.Equals(pair.Key, "comment", StringComparison.OrdinalIgnoreCase)).Value is { } value
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Task priority 1–4 from an ITIL priority, so the inbox orders urgent work first.</summary>
    public static int Of(Priority priority) => (int)priority;
}
