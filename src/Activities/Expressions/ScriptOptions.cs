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
    /// How many scripts evaluate at once, process-wide; others wait their turn, so CPU-heavy scripts cannot take every
    /// core from request handling. 0 means no bound.
    /// </summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>All cores but one (at least one): a core stays free for request handling however many scripts run.</summary>
    public static int DefaultMaxConcurrency => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Runs each evaluation on one of <see cref="MaxConcurrency"/> script threads with a <see cref="ThreadStackBytes"/>
    /// stack instead of the caller's thread. Off by default: Jint's stack guard and the bounded converters already
    /// turn deep recursion into a fault on any thread, and the hop cost ~40-120 µs per evaluation on a busy 2-core
    /// box (a script step is ~2 µs without it). Turn it on for the same recursion headroom whatever thread calls.
    /// </summary>
    public bool DedicatedThreads { get; init; }

    /// <summary>
    /// Evaluates scripts written in the engine-free subset (literals, <c>variables.X</c>, <c>&amp;&amp;</c>/<c>||</c>,
    /// templates, object literals…) without creating a Jint engine for the burst; the answer is the engine's by
    /// construction (anything else runs on Jint). Off only to compare the two (benchmarks, tests).
    /// </summary>
    public bool FastPath { get; init; } = true;

    /// <summary>Stack reserved for each script thread when <see cref="DedicatedThreads"/> is on.</summary>
    public int ThreadStackBytes { get; init; } = 8 * 1024 * 1024;
}
