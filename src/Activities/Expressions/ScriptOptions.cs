namespace Itsm.Activities.Expressions;

/// <summary>Limits for one script evaluation, so a bad expression faults its activity instead of hanging or crashing the host.</summary>
public sealed record ScriptOptions
{
    /// <summary>Wall-clock limit of one evaluation; native regex matching is held to it as well.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
    public int MaxStatements { get; init; } = 100_000;
    public int MaxRecursion { get; init; } = 256;
    public long MaxMemoryBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Deepest nesting of a value crossing between a script and the workflow (either way); at most <see cref="ValueDepth.DefaultMax"/>, the bound of stored values.</summary>
    public int MaxValueDepth { get; init; } = ValueDepth.DefaultMax;

    /// <summary>
    /// How many scripts run at once, each on a script thread (<see cref="ScriptThreads"/>); others queue. The
    /// default leaves a core to request handling. 0 runs scripts on the caller's thread (no hop, no bound).
    /// </summary>
    public int MaxConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Stack reserved for each script thread: a known size, whatever thread the burst runs on.</summary>
    public int ThreadStackBytes { get; init; } = 8 * 1024 * 1024;
}
