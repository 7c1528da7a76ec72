using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Timers;

/// <summary>
/// Hangfire settings (section <c>Itsm:Timers</c>). Hangfire's default 15 s polling makes a 5 s timer fire
/// after up to 20 s; 200 ms keeps timers within a fraction of a second of due.
/// </summary>
public sealed class TimerOptions
{
    public const string SectionName = "Itsm:Timers";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:05")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Run a Hangfire server in this process (off for hosts that only take requests).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Hangfire workers per node. A timer job mostly waits on the database (the instance lock and the resume's
    /// commit), so workers are threads that wait, not CPU: four per node fired ~25 timers/s on two nodes, behind 50/s.
    /// </summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 16;

    /// <summary>
    /// How many due timers Hangfire moves from its schedule to its queue at once. It moves them one by one by default,
    /// each a few round trips and commits under a per-job lock: on PostgreSQL that capped two nodes at ~20 timers/s,
    /// so 50 Delays/s fell 4–10 s behind (bench <c>webhook-postgres</c>).
    /// </summary>
    [Range(1, 64)]
    public int SchedulerParallelism { get; set; } = 8;

    /// <summary>Timers due within this window are armed in Hangfire; later ones stay only in the database until a scan reaches them.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the horizon moves forward (well under <see cref="Horizon"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A timer still pending this long after it was due, and armed at least this long ago, is armed again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RearmAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Several nodes: a timer nobody recorded as armed and whose bookmark is younger than this is left to the node that committed it
    /// (it arms its new near timers right after the commit): the scanning node would otherwise race that commit and
    /// arm it twice. Should that node die between its commit and the arming, a later scan arms the timer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CommitArmGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many timers are armed per node at once (the earliest due).</summary>
    [Range(100, 10_000_000)]
    public int MaxArmed { get; set; } = 100_000;
}
