namespace Itsm.Activities.Expressions;

/// <summary>Limits for one script evaluation, so a bad expression faults its activity instead of hanging.</summary>
public sealed record ScriptOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
    public int MaxStatements { get; init; } = 100_000;
    public int MaxRecursion { get; init; } = 256;
    public long MaxMemoryBytes { get; init; } = 32 * 1024 * 1024;
}
