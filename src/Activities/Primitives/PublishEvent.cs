using Itsm.Activities.Model;

namespace Itsm.Activities.Primitives;

/// <summary>Publishes an event to the workflows waiting for it; delivered once this step's changes are committed.</summary>
[Activity("Elsa", "PublishEvent", Category = "Primitives", DisplayName = "Publish Event", Description = "Publishes an event to waiting workflows.")]
public sealed class PublishEvent : Activity<PublishEvent.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The name of the event.")]
        public string? EventName { get; set; }

        [Input(Description = "Only workflows with this correlation id receive it (empty: all).")]
        public string? CorrelationId { get; set; }

        [Input(Description = "Data sent with the event.")]
        public object? Payload { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.EventName)) return new(Fail("No event name given.", retryable: false));
        context.PublishEvent(input.EventName, input.CorrelationId, input.Payload);
        return new(ActivityResult.DoneResult);
    }
}
