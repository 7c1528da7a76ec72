using System.Collections.Concurrent;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Bounds how many scripts evaluate at once on the callers' own threads, so CPU-heavy scripts cannot take every
/// core from request handling; a caller past the bound waits its turn. Shared per bound, process-wide, like the
/// thread pool whose cores it protects.
/// </summary>
public static class ScriptGate
{
    private static readonly ConcurrentDictionary<int, SemaphoreSlim> Gates = new();

    public static SemaphoreSlim For(int maxConcurrency) => Gates.GetOrAdd(maxConcurrency, max => new SemaphoreSlim(max, max));
}
