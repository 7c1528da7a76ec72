using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Passes an incident to the support group that can fix it: the incident's assignment moves to the group and its status
/// to <c>in-progress</c>. Optionally the group also gets a task in its inbox; the step then waits until the group
/// completes it (its result is the step's output).
/// </summary>
[Activity("Itsm", "EscalateIncident", DisplayName = "Escalate incident",
    Description = "Assigns an incident to a support group, optionally as a task the group completes.")]
[Output("number", typeof(string), Description = "The incident's number.")]
[Output("result", typeof(object), Description = "What the group's task completion sent (when a task was handed out).")]
[ItilTags(ValueChain = ["deliver-and-support"], Practices = ["service-desk", "incident-management"], Roles = ["service desk agent", "support engineer"])]
public sealed class EscalateIncident(IRecordReader reader) : Activity<EscalateIncident.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The incident's record id (LogIncident's recordId).")]
        public string? IncidentId { get; set; }

        [Input(UIHint = UIHints.DropDown, OptionsFrom = InputChoices.Roles, Description = "The support group (a role) the incident goes to, e.g. network support engineer.")]
        public string? SupportGroup { get; set; }

        [Input(Description = "Also hand the group a task and wait until it is completed.")]
        public bool CreateTask { get; set; }

        [Input(Description = "Why it is escalated, shown on the incident.")]
        public string? Reason { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.SupportGroup)) return Fail("No support group given.", retryable: false);
        var incident = await ItilRecords.FindAsync(context, reader, RecordTypes.Incident, input.IncidentId, cancellationToken);
        if (incident is null) return ItilRecords.Missing(RecordTypes.Incident, input.IncidentId);

        var group = input.SupportGroup.Trim();
        incident["assignmentGroup"] = group;
        incident[RecordFields.Status] = "in-progress";
        incident["escalatedAt"] = ItilRecords.Timestamp(context);
        incident["escalationReason"] = input.Reason;
        ItilRecords.Write(context, RecordTypes.Incident, input.IncidentId!, incident);

        var number = ItilRecords.Text(incident, RecordFields.Number);
        if (!input.CreateTask) return Done(new Dictionary<string, object?> { ["number"] = number });
        var priority = Enum.TryParse<Priority>(ItilRecords.Text(incident, RecordFields.Priority), out var p) ? HumanTasks.Of(p) : (int?)null;
        return HumanTasks.Assign(context, group, $"Work on {number}: {ItilRecords.Text(incident, RecordFields.Title)}", [Outcomes.Done], priority,
            details: new Dictionary<string, object?> { ["incidentId"] = input.IncidentId, ["number"] = number });
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var incident = await ItilRecords.FindAsync(context, reader, RecordTypes.Incident, input.IncidentId, cancellationToken);
        return Done(new Dictionary<string, object?>
        {
            ["number"] = incident is null ? null : ItilRecords.Text(incident, RecordFields.Number),
            ["result"] = context.ResumeInput,
        });
    }
}
