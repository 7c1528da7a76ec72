using Itsm.Activities.Model;

namespace Itsm.TicketPlugin;

/// <summary>
/// Writes a "ticket" record for its instance in the same commit as the step (the multi-node tests count them: one per
/// instance, version 1, however often a node died or two nodes raced).
/// </summary>
[Activity("Acme", "OpenTicket", Category = "Acme", Description = "Opens a ticket record for this instance.")]
public sealed class OpenTicket : Activity<OpenTicket.Inputs>
{
    public const string RecordType = "ticket";

    public sealed class Inputs
    {
        [Input(Description = "The ticket's title.")]
        public string? Title { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteRecord(new RecordChange(RecordType, context.InstanceId, RecordOperation.Upsert, new { title = input.Title ?? "untitled" }));
        return new(Done());
    }
}
