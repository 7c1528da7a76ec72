using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Records that an approved change was carried out: status <c>implemented</c> with a note. A change that is not approved
/// (still awaiting approval, or rejected) is not implemented: the step leaves through <c>NotApproved</c>.
/// </summary>
[Activity("Itsm", "ImplementChange", DisplayName = "Implement change",
    Description = "Marks an approved change implemented; a change that is not approved leaves through NotApproved.")]
[Outcomes(Outcomes.Done, NotApproved)]
[Output("number", typeof(string), Description = "The change's number.")]
[ItilTags(ValueChain = ["design-and-transition", "deliver-and-support"], Practices = ["change-control", "deployment-management"], Roles = ["change implementer"])]
public sealed class ImplementChange(IRecordReader reader) : Activity<ImplementChange.Inputs>
{
    public const string NotApproved = "NotApproved";

    public sealed class Inputs
    {
        [Input(Description = "The change's record id (RaiseChange's recordId).")]
        public string? ChangeId { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "What was done.")]
        public string? ImplementationNote { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var change = await ItilRecords.FindAsync(context, reader, RecordTypes.Change, input.ChangeId, cancellationToken);
        if (change is null) return ItilRecords.Missing(RecordTypes.Change, input.ChangeId);
        var number = ItilRecords.Text(change, RecordFields.Number);
        var status = ItilRecords.Text(change, RecordFields.Status);
        if (status is not ("approved" or "implemented")) return Outcome(NotApproved, number);

        change[RecordFields.Status] = "implemented";
        change["implementationNote"] = input.ImplementationNote;
        change["implementedAt"] = ItilRecords.Timestamp(context);
        ItilRecords.Write(context, RecordTypes.Change, input.ChangeId!, change);
        return Done(number);
    }
}
