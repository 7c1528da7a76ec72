namespace Itsm.Benchmarks.Http;

/// <summary>Hard bounds so a typo cannot turn a bench into a long-running flood.</summary>
public static class LoadLimits
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(120);

    /// <summary>Above this the sleep-based scheduler and the exact latency arrays stop being sensible.</summary>
    public const double MaxRatePerSecond = 100_000;

    public const int MaxConcurrency = 4096;

    public static void EnsureDuration(TimeSpan duration, string name = "duration")
    {
        if (duration <= TimeSpan.Zero || duration > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(name, duration, $"{name} must be > 0 and at most {MaxDuration.TotalSeconds:F0} s");
        }
    }
}
