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

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;
}
