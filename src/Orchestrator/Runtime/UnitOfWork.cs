using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Everything one runtime call changed, committed together: the instance it ran, children it started, and
/// the effects to carry out once the commit is durable (timers to arm, events to deliver, parents to resume).
/// </summary>
internal sealed class UnitOfWork
{
    public List<PendingInstance> Instances { get; } = [];

    public PendingInstance Add(WorkflowState state, long expectedRevision, CompiledWorkflow workflow)
    {
        var pending = new PendingInstance(state, expectedRevision, workflow);
        Instances.Add(pending);
        return pending;
    }

    /// <summary>Timers created in this unit that are still armed, with the instance they belong to.</summary>
    public IEnumerable<(string InstanceId, BookmarkState Timer)> AddedTimers => Instances
        .SelectMany(i => i.Bursts.SelectMany(b => b.AddedBookmarks)
            .Where(b => b.ResumeAt is not null && i.State.Bookmarks.Contains(b))
            .Select(b => (i.State.InstanceId, b)));

    /// <summary>The unit's writes, with the follow-up work leased to this node for <paramref name="claimFor"/>.</summary>
    public IReadOnlyList<Persistence.InstanceWrite> ToWrites(TimeSpan? claimFor, Records.Notifications.NotificationRouting notifications)
    {
        var writes = new Persistence.InstanceWrite[Instances.Count];
        var written = new HashSet<(string RecordType, string RecordId)>();
        for (var i = 0; i < writes.Length; i++) writes[i] = Instances[i].ToWrite(notifications, claimFor, written);
        return writes;
    }
}
