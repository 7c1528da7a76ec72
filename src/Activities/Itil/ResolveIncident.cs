using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Records that an incident's service is restored: status <c>resolved</c>, how it was fixed, and the change that fixed
/// it when there was one. Whether the fix came within the resolution target is an output, for reporting and SLAs.
/// </summary>
[Activity("Itsm", "ResolveIncident", DisplayName = "Resolve incident",
    Description = "Marks an incident resolved, with how it was fixed and the change that fixed it.")]
[Output("number", typeof(string), Description = "The incident's number.")]
[Output("withinTarget", typeof(bool), Description = "True when resolved before its resolution due time.")]
[ItilTags(ValueChain = ["deliver-and-support"], Practices = ["incident-management"], Roles = ["support engineer"])]
public sealed class ResolveIncident(IRecordReader reader) : Activity<ResolveIncident.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The incident's record id.")]
        public string? IncidentId { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "How the service was restored.")]
        public string? Resolution { get; set; }

        [Input(Description = "The record id of the change that fixed it, if any.")]
        public string? ChangeId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var incident = await ItilRecords.FindAsync(context, reader, RecordTypes.Incident, input.IncidentId, cancellationToken);
        if (incident is null) return ItilRecords.Missing(RecordTypes.Incident, input.IncidentId);

        incident[RecordFields.Status] = "resolved";
        incident["resolution"] = input.Resolution;
        incident["resolvedAt"] = ItilRecords.Timestamp(context);
        ItilRecords.Link(incident, RecordTypes.Change, input.ChangeId, "resolved-by");
        ItilRecords.Write(context, RecordTypes.Incident, input.IncidentId!, incident);

        var due = ItilRecords.Text(incident, "resolutionDue");
        var withinTarget = due is null || !DateTimeOffset.TryParse(due, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dueAt)
            || context.Now <= dueAt;
        return Done(new Dictionary<string, object?> { ["number"] = ItilRecords.Text(incident, RecordFields.Number), ["withinTarget"] = withinTarget });
    }
}
