namespace Itsm.Benchmarks.Reporting;

/// <summary>
/// Lock-free append of durations (Stopwatch ticks) from many threads into a preallocated array.
/// Sized from the planned request count, so recording never allocates on the hot path; samples past
/// the capacity are counted, not stored.
/// </summary>
public sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _samples = new long[capacity];
    private int _next;
    private long _overflow;

    public long Overflow => Interlocked.Read(ref _overflow);

    public void Record(long ticks)
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index < _samples.Length)
        {
            _samples[index] = Math.Max(0, ticks);
        }
        else
        {
            Interlocked.Increment(ref _overflow);
        }
    }

    /// <summary>Call only once all writers are done.</summary>
    public LatencySummary Summarize()
    {
        var count = Math.Min(Volatile.Read(ref _next), _samples.Length);
        return LatencySummary.FromStopwatchTicks(_samples.AsSpan(0, count));
    }
}
