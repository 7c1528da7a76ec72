using System.Runtime.InteropServices;

namespace Itsm.Benchmarks.Http;

/// <summary>libc <c>struct timespec</c> on 64-bit Linux (two 64-bit fields).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct NativeTimespec(long Seconds, long Nanoseconds);
