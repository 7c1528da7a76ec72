namespace Itsm.Orchestrator.Hosting;

/// <summary>One Hangfire server (one node's) as <c>/health</c> lists it.</summary>
public sealed record HangfireServerModel(
    string Name,
    DateTime? Heartbeat,
    DateTime StartedAt,
    int Workers,
    IReadOnlyList<string> Queues,
    bool ThisNode);
