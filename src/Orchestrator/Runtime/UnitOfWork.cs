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

    public IEnumerable<PublishedEvent> PublishedEvents => Instances.SelectMany(i => i.Bursts.SelectMany(b => b.PublishedEvents));

    /// <summary>Children that reached an end in this unit and whose parent waits on them in another unit.</summary>
    public IEnumerable<WorkflowState> FinishedChildrenWithWaitingParents => Instances
        .Select(i => i.State)
        .Where(s => s.ParentBookmarkId is not null && s.Status is InstanceStatus.Finished or InstanceStatus.Cancelled
            && Instances.All(other => other.State.InstanceId != s.ParentInstanceId));
}
