using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Raises a change request linked to the incident it fixes and the configuration item it touches. A standard change is
/// pre-authorized: approved at once, no task. A normal or emergency change goes to the change authority as a task whose
/// completer approves or rejects it (<c>{"outcome": "Approved", "comment": "…"}</c>); the decision is written on the change.
/// </summary>
[Activity("Itsm", "RaiseChange", DisplayName = "Raise change", Kind = ActivityKind.Task,
    Description = "Raises a change: standard changes are approved at once, normal and emergency ones wait for the change authority.")]
[Outcomes(Approved, Rejected)]
[Output("recordId", typeof(string), Description = "The change's record id (use it as changeId in later steps).")]
[Output("number", typeof(string), Description = "The change's number, e.g. CHG0000007.")]
[Output("comment", typeof(string), Description = "The change authority's comment, if any.")]
[ItilTags(ValueChain = ["design-and-transition"], Practices = ["change-control"], Roles = ["change authority"])]
public sealed class RaiseChange(IRecordReader reader, IRecordNumbers numbers) : Activity<RaiseChange.Inputs>
{
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";

    public sealed class Inputs
    {
        [Input(Description = "What changes, in one line.")]
        public string? Title { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "What will be done, why, and how it is backed out.")]
        public string? Description { get; set; }

        [Input(UIHint = UIHints.DropDown, Description = "Standard: pre-authorized, no approval. Normal and emergency: the change authority decides.")]
        public ChangeType ChangeType { get; set; } = ChangeType.Normal;

        [Input(UIHint = UIHints.DropDown, Description = "P1–P4.")]
        public Priority Priority { get; set; } = Priority.P3;

        [Input(UIHint = UIHints.DropDown, OptionsFrom = InputChoices.Roles, Description = "The role that authorizes normal and emergency changes.")]
        public string ChangeAuthority { get; set; } = "change authority";

        [Input(Description = "The record id of the incident the change fixes, if any.")]
        public string? IncidentId { get; set; }

        [Input(Description = "The record id of the configuration item the change touches, if any.")]
        public string? ConfigurationItemId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) return Fail("A change needs a title.", retryable: false);
        var id = ItilRecords.IdFor(context);
        var change = await ItilRecords.FindOrNewAsync(context, reader, numbers, RecordTypes.Change, id, cancellationToken);
        var standard = input.ChangeType == ChangeType.Standard;
        change[RecordFields.Title] = input.Title.Trim();
        change["description"] = input.Description;
        change["changeType"] = ItilRecords.Kebab(input.ChangeType);
        change[RecordFields.Priority] = input.Priority.ToString();
        change[RecordFields.Status] = standard ? "approved" : "awaiting-approval";
        change["approvedAt"] = standard ? ItilRecords.Timestamp(context) : null;
        ItilRecords.Link(change, RecordTypes.Incident, input.IncidentId, "fixes");
        ItilRecords.Link(change, RecordTypes.ConfigurationItem, input.ConfigurationItemId, "affects");
        ItilRecords.Write(context, RecordTypes.Change, id, change);

        var number = ItilRecords.Text(change, RecordFields.Number);
        if (standard) return Outcome(Approved, Output(id, number, null));
        var role = string.IsNullOrWhiteSpace(input.ChangeAuthority) ? "change authority" : input.ChangeAuthority.Trim();
        var title = $"{(input.ChangeType == ChangeType.Emergency ? "Emergency change" : "Change")} {number}: {input.Title.Trim()}";
        return HumanTasks.Assign(context, role, title, [Approved, Rejected], HumanTasks.Of(input.Priority),
            details: new Dictionary<string, object?> { ["changeId"] = id, ["number"] = number, ["changeType"] = change["changeType"] });
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (!HumanTasks.TryPickOutcome(context.ResumeInput, [Approved, Rejected], out var outcome, out var error)) return Fail(error);
        var id = ItilRecords.IdFor(context);
        var change = await ItilRecords.FindAsync(context, reader, RecordTypes.Change, id, cancellationToken);
        if (change is null) return ItilRecords.Missing(RecordTypes.Change, id);
        var comment = HumanTasks.Comment(context.ResumeInput);
        change[RecordFields.Status] = outcome == Approved ? "approved" : "rejected";
        change[outcome == Approved ? "approvedAt" : "rejectedAt"] = ItilRecords.Timestamp(context);
        change["decisionComment"] = comment;
        ItilRecords.Write(context, RecordTypes.Change, id, change);
        return Outcome(outcome, Output(id, ItilRecords.Text(change, RecordFields.Number), comment));
    }

    private static Dictionary<string, object?> Output(string id, string? number, string? comment)
        => new() { ["recordId"] = id, ["number"] = number, ["comment"] = comment };
}
