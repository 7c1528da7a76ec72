using Itsm.Activities.Model;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>Builders for store records with sensible defaults; timestamps are UTC so round trips compare equal.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static InstanceRecord Instance(
        string id,
        long revision = 1,
        string definitionId = "incident",
        InstanceStatus status = InstanceStatus.Running,
        string? correlationId = null,
        string? name = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null,
        DateTimeOffset? finishedAt = null,
        string state = "{}") => new(
            id,
            definitionId,
            definitionId + ":v1",
            1,
            name ?? "Instance " + id,
            status,
            correlationId,
            null,
            0,
            createdAt ?? T0,
            updatedAt ?? createdAt ?? T0,
            finishedAt,
            revision,
            state);

    public static BookmarkRecord Bookmark(
        string id,
        string instanceId,
        string kind = "Elsa.Event",
        string? key = "approved",
        string? correlationId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? resumeAt = null,
        string? role = null,
        string? title = null,
        int? priority = null) => new(
            id, instanceId, "act-" + id, "Itsm.Wait", kind, key, correlationId, "{\"x\":1}",
            createdAt ?? T0, resumeAt,
            role is null && title is null && priority is null
                ? null
                : new HumanTask { Role = role, Title = title, DueAt = role is null ? null : T0.AddDays(1), Priority = priority });

    public static JournalRecord Journal(string instanceId, long sequence) => new(
        instanceId, sequence, "act-" + sequence, "Itsm.Step", "Step " + sequence, "Completed",
        T0.AddSeconds(sequence), T0.AddSeconds(sequence + 1), "Done", "summary " + sequence, "{\"practice\":\"incident\"}");

    public static FaultRecord Fault(string id, string instanceId) => new(
        id, instanceId, "act-f", "Itsm.Script", "boom", typeof(InvalidOperationException).FullName, T0.AddMinutes(1), null);

    /// <summary>A write that creates <paramref name="instance"/> (expected revision 0).</summary>
    public static InstanceWrite Create(
        InstanceRecord instance,
        IReadOnlyList<BookmarkRecord>? bookmarks = null,
        IReadOnlyList<JournalRecord>? journal = null,
        IReadOnlyList<FaultRecord>? faults = null) =>
        new(instance, 0, bookmarks ?? [], [], journal ?? [], faults ?? [], []);

    public static InstanceWrite Update(
        InstanceRecord instance,
        long expectedRevision,
        IReadOnlyList<BookmarkRecord>? added = null,
        IReadOnlyList<string>? removed = null,
        IReadOnlyList<JournalRecord>? journal = null,
        IReadOnlyList<FaultRecord>? faults = null,
        IReadOnlyList<string>? resolvedFaults = null) =>
        new(instance, expectedRevision, added ?? [], removed ?? [], journal ?? [], faults ?? [], resolvedFaults ?? []);

    public static DefinitionRecord Definition(
        string definitionId, int version, bool isLatest, bool isPublished, string? name = null, DateTimeOffset? createdAt = null) => new(
            $"{definitionId}:v{version}",
            definitionId,
            version,
            name ?? definitionId,
            "Description of " + definitionId,
            isLatest,
            isPublished,
            createdAt ?? T0.AddDays(version),
            $"{{\"definitionId\":\"{definitionId}\",\"version\":{version}}}");
}
