using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// A waiting point of an instance. Found by id (task ids and resume tokens are bookmark ids) or by
/// (<see cref="Kind"/>, <see cref="Key"/>[, <see cref="CorrelationId"/>]) with one index seek:
/// e.g. kind <c>Elsa.Event</c>, key <c>approved</c>; kind <c>Elsa.HttpEndpoint</c>, key <c>POST:incidents/confirm</c>.
/// <see cref="ResumeAt"/> is set for durable timers (Delay, later SLA): the store is their source of truth.
/// <see cref="Task"/> is set for human tasks (the task inbox); it is stored in its own table, written and removed with
/// the bookmark.
/// </summary>
public sealed record BookmarkRecord(
    string Id,
    string InstanceId,
    string ActivityId,
    string ActivityType,
    string Kind,
    string? Key,
    string? CorrelationId,
    string? PayloadJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResumeAt,
    HumanTask? Task);
