using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Itsm.Benchmarks.Http;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp with sub-millisecond precision and without spinning.
/// <see cref="Thread.Sleep(int)"/> only takes whole milliseconds, which put ~0.6 ms of pacing lag
/// into every open-loop latency; Linux <c>nanosleep</c> wakes within tens of microseconds (timer slack).
/// Other platforms fall back to millisecond sleeps.
/// </summary>
internal static partial class PreciseSleep
{
    private static readonly bool UseNanosleep =
        OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>Returns once <c>Stopwatch.GetTimestamp() &gt;= deadline</c> or the token is cancelled.</summary>
    public static void Until(long deadline, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            var nanoseconds = (long)(remaining * (1_000_000_000.0 / Stopwatch.Frequency));
            if (UseNanosleep)
            {
                // Capped at 100 ms per call so cancellation is noticed promptly; EINTR just loops.
                var slice = Math.Min(nanoseconds, 100_000_000L);
                _ = Nanosleep(new NativeTimespec(0, slice), IntPtr.Zero);
            }
            else
            {
                Thread.Sleep((int)Math.Clamp(nanoseconds / 1_000_000, 1, 100));
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int Nanosleep(in NativeTimespec request, IntPtr remaining);
}
