using System.Text.Json;
using Itsm.Activities.Expressions;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Reads an instance's journal for the Elsa routes built on it (journal, activity executions). Unfiltered pages
/// come from the store's own paging; filters are applied in memory over at most <see cref="MaxEntries"/> rows.
/// </summary>
public static class JournalReader
{
    public const int MaxEntries = 10_000;

    public static Task<IReadOnlyList<JournalRecord>> ReadAllAsync(IWorkflowQueries store, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ListJournalAsync(instanceId, 0, MaxEntries, cancellationToken);
    }

    public static bool Matches(JournalRecord entry, JournalFilter filter, ActivityNodeMap nodes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(nodes);
        if (filter.ActivityIds is { Length: > 0 } ids && !ids.Contains(entry.ActivityId, StringComparer.Ordinal))
            return false;
        if (filter.ActivityNodeIds is { Length: > 0 } nodeIds && !nodeIds.Contains(nodes.NodeIdOf(entry.ActivityId), StringComparer.Ordinal))
            return false;
        if (filter.ExcludedActivityTypes is { Length: > 0 } excluded && excluded.Contains(entry.ActivityType, StringComparer.Ordinal))
            return false;
        if (filter.EventNames is { Length: > 0 } events && !events.Contains(entry.EventName, StringComparer.OrdinalIgnoreCase))
            return false;
        return true;
    }

    public static ExecutionLogRecordModel ToModel(JournalRecord entry, ActivityNodeMap nodes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(nodes);
        var id = ExecutionId(entry.InstanceId, entry.Sequence);
        var nodeId = nodes.NodeIdOf(entry.ActivityId);
        return new ExecutionLogRecordModel(id, entry.InstanceId, id, null, entry.ActivityId, entry.ActivityType, 1, entry.ActivityName,
            nodeId, nodeId, entry.CompletedAt ?? entry.StartedAt, entry.Sequence, entry.EventName, entry.Summary, null, Payload(entry), entry.Actor);
    }

    /// <summary>An execution's id: the instance id and the journal sequence of the row that began it.</summary>
    public static string ExecutionId(string instanceId, long sequence) => $"{instanceId}:{sequence}";

    public static bool TryParseExecutionId(string id, out string instanceId, out long sequence)
    {
        instanceId = "";
        sequence = 0;
        var colon = id?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !long.TryParse(id.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence))
            return false;
        instanceId = id![..colon];
        return true;
    }

    public static Dictionary<string, object?> Payload(JournalRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal) { ["startedAt"] = entry.StartedAt };
        if (entry.CompletedAt is { } completedAt) payload["completedAt"] = completedAt;
        if (entry.Outcome is { } outcome) payload["outcomes"] = new[] { outcome };
        if (entry.Tags is { } tags) payload["tags"] = ParseTags(tags);
        // Also here so activity executions (built from the same payload) say who resumed the step.
        if (entry.Actor is { } actor) payload["actor"] = actor;
        return payload;
    }

    private static object? ParseTags(string tags)
    {
        try
        {
            return PlainJson.Parse(tags);
        }
        catch (JsonException)
        {
            return tags;
        }
    }
}
