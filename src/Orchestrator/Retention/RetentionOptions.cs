using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Retention;

/// <summary>How long finished work is kept (<c>Itsm:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Itsm:Retention";

    /// <summary>Finished and cancelled instances older than this (by FinishedAt) are deleted. Faulted ones are kept for an admin.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan FinishedInstances { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows deleted per write: small, so the group-commit writer never holds a long transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Pause between two batches, leaving the writer to the commits in between.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a purge round starts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Disable to keep everything (e.g. while an archive export is set up).</summary>
    public bool Enabled { get; set; } = true;
}
