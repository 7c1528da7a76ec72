using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>Closes a change after its review: status <c>closed</c>, with whether it met its aim.</summary>
[Activity("Itsm", "CloseChange", DisplayName = "Close change",
    Description = "Closes a change after reviewing whether it achieved what it was for.")]
[Output("number", typeof(string), Description = "The change's number.")]
[ItilTags(ValueChain = ["design-and-transition"], Practices = ["change-control"], Roles = ["change manager"])]
public sealed class CloseChange(IRecordReader reader) : Activity<CloseChange.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The change's record id.")]
        public string? ChangeId { get; set; }

        [Input(Description = "Did the change achieve what it was for?")]
        public bool Successful { get; set; } = true;

        [Input(UIHint = UIHints.MultiLine, Description = "What the review found.")]
        public string? ReviewNote { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var change = await ItilRecords.FindAsync(context, reader, RecordTypes.Change, input.ChangeId, cancellationToken);
        if (change is null) return ItilRecords.Missing(RecordTypes.Change, input.ChangeId);

        change[RecordFields.Status] = "closed";
        change["successful"] = input.Successful;
        change["reviewNote"] = input.ReviewNote;
        change["closedAt"] = ItilRecords.Timestamp(context);
        ItilRecords.Write(context, RecordTypes.Change, input.ChangeId!, change);
        return Done(ItilRecords.Text(change, RecordFields.Number));
    }
}
