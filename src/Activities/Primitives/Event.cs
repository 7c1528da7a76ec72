using System.Diagnostics.CodeAnalysis;
using Itsm.Activities.Model;

namespace Itsm.Activities.Primitives;

/// <summary>
/// Waits for a named event (or, as a trigger, starts the workflow when it is published). Events are
/// delivered by the events API or by <c>Elsa.PublishEvent</c>, optionally narrowed by correlation id.
/// </summary>
[Activity("Elsa", "Event", Category = "Primitives", Kind = ActivityKind.Trigger, Description = "Waits for an event to be published.")]
[Output("result", typeof(object), Description = "The event's payload.")]
[SuppressMessage("Naming", "CA1716", Justification = "Elsa 3 names this activity Event (Elsa.Event); Itsm keeps Elsa's vocabulary, and VB consumers are not a target.")]
public sealed class Event : Activity<Event.Inputs>, ITriggerActivity
{
    public sealed class Inputs
    {
        [Input(Description = "The name of the event to wait for.")]
        public string? EventName { get; set; }
    }

    public IEnumerable<TriggerBinding> GetTriggers(ITriggerNode node)
    {
        if (node.TryGetConstantInput("eventName", out var name) && name is string eventName && eventName.Length > 0)
            yield return new TriggerBinding(BookmarkKinds.Event, eventName);
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (context.IsTriggerOfThisStart) return new(Done(context.ResumeInput));
        if (string.IsNullOrWhiteSpace(input.EventName)) return new(Fail("No event name given.", retryable: false));
        return new(Suspend(new BookmarkRequest(BookmarkKinds.Event, input.EventName)));
    }
}
