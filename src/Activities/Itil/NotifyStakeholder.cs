using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Tells someone what happened or what comes next. The step writes a <c>notification</c> record (status
/// <c>pending</c>); the host delivers it through its configured channels after the step commits, so a notification is
/// never sent for a step that did not happen, and one that cannot be delivered stays listed.
/// </summary>
[Activity("Itsm", "NotifyStakeholder", DisplayName = "Notify stakeholder",
    Description = "Writes a notification for a person or group; the host delivers it through its channels.")]
[Output("recordId", typeof(string), Description = "The notification's record id.")]
[Output("number", typeof(string), Description = "The notification's number.")]
[ItilTags(ValueChain = ["engage"], Practices = ["relationship-management", "service-desk"], Roles = ["service desk agent"])]
public sealed class NotifyStakeholder(IRecordReader reader, IRecordNumbers numbers) : Activity<NotifyStakeholder.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "Who is told: an e-mail address, a person or a group.")]
        public string? Recipient { get; set; }

        [Input(Description = "The subject line.")]
        public string? Subject { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "The message.")]
        public string? Body { get; set; }

        [Input(Description = "The channel to use (as the host names them); empty: the host's default channels.")]
        public string? Channel { get; set; }

        [Input(UIHint = UIHints.DropDown, OptionsFrom = InputChoices.RecordTypesOrNone, Description = "The type of the record the message is about (e.g. incident), if any.")]
        public string? AboutRecordType { get; set; }

        [Input(Description = "The id of the record the message is about, if any.")]
        public string? AboutRecordId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Recipient)) return Fail("A notification needs a recipient.", retryable: false);
        if (string.IsNullOrWhiteSpace(input.Subject)) return Fail("A notification needs a subject.", retryable: false);
        var id = ItilRecords.IdFor(context);
        var notification = await ItilRecords.FindOrNewAsync(context, reader, numbers, RecordTypes.Notification, id, cancellationToken);
        Fill(notification, input.Recipient.Trim(), input.Subject.Trim(), input.Body, input.Channel);
        if (!string.IsNullOrWhiteSpace(input.AboutRecordType))
            ItilRecords.Link(notification, input.AboutRecordType.Trim(), input.AboutRecordId, "about");
        ItilRecords.Write(context, RecordTypes.Notification, id, notification);
        return Done(new Dictionary<string, object?> { ["recordId"] = id, ["number"] = notification[RecordFields.Number] });
    }

    /// <summary>The fields the host's delivery reads; shared with <see cref="SendSurvey"/>, which notifies the respondent.</summary>
    internal static void Fill(Dictionary<string, object?> notification, string recipient, string subject, string? body, string? channel)
    {
        notification[RecordFields.Status] = "pending";
        notification[RecordFields.Title] = subject;
        notification["recipient"] = recipient;
        notification["subject"] = subject;
        notification["body"] = body ?? "";
        notification["channel"] = string.IsNullOrWhiteSpace(channel) ? null : channel.Trim();
    }
}
