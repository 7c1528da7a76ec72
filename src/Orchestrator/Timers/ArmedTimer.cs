namespace Itsm.Orchestrator.Timers;

/// <summary>A timer some node handed to Hangfire: which bookmark, when it is due, and when it was armed.</summary>
public readonly record struct ArmedTimer(string BookmarkId, DateTimeOffset DueAt, DateTimeOffset ArmedAt);
