using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>Closes an incident once the user has confirmed the fix: status <c>closed</c>, with a closing note.</summary>
[Activity("Itsm", "CloseIncident", DisplayName = "Close incident",
    Description = "Closes an incident after the user confirmed the fix.")]
[Output("number", typeof(string), Description = "The incident's number.")]
[ItilTags(ValueChain = ["engage"], Practices = ["service-desk", "incident-management"], Roles = ["service desk agent"])]
public sealed class CloseIncident(IRecordReader reader) : Activity<CloseIncident.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The incident's record id.")]
        public string? IncidentId { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "A closing note, e.g. who confirmed the fix.")]
        public string? ClosureNote { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var incident = await ItilRecords.FindAsync(context, reader, RecordTypes.Incident, input.IncidentId, cancellationToken);
        if (incident is null) return ItilRecords.Missing(RecordTypes.Incident, input.IncidentId);

        incident[RecordFields.Status] = "closed";
        incident["closureNote"] = input.ClosureNote;
        incident["closedAt"] = ItilRecords.Timestamp(context);
        ItilRecords.Write(context, RecordTypes.Incident, input.IncidentId!, incident);
        return Done(ItilRecords.Text(incident, RecordFields.Number));
    }
}
