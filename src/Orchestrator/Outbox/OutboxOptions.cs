using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Outbox;

/// <summary>
/// Follow-up work settings (section <c>Itsm:Outbox</c>). A commit's follow-up work is carried out by the node that
/// committed it right away; the rows are leased to that node for <see cref="Lease"/> so no other poll takes them,
/// and a crash leaves them to be claimed by any node once the lease ends.
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Itsm:Outbox";

    /// <summary>How often a node looks for work nobody is carrying out (after a crash, or a failure's back-off).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim keeps other nodes away from a row; longer than any handler should take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Longest wait between two attempts of failing work (it doubles from one second up to this).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Carry out a commit's follow-up work at once on the committing node (off: only the poll does).</summary>
    public bool DispatchAfterCommit { get; set; } = true;

    /// <summary>
    /// How many commits' follow-up work a node runs in the background at once; a commit past that waits for a slot
    /// before its caller is answered, which slows callers down instead of queueing work without bound.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 256;
}
