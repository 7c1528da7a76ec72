using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Puts a live service on the periodic service review (e.g. the monthly review meeting with the business): its catalogue
/// entry gets a review cadence and the date of the first review, which the review stream and the dashboards read.
/// </summary>
[Activity("Itsm", "RegisterServiceForReview", DisplayName = "Register service for review",
    Description = "Marks a catalogue entry for the periodic service review, with its cadence and first review date.")]
[Output("nextReviewAt", typeof(DateTimeOffset), Description = "When the first review is due.")]
[ItilTags(ValueChain = ["improve", "engage"], Practices = ["service-level-management", "relationship-management"], Roles = ["service level manager", "relationship manager"])]
public sealed class RegisterServiceForReview(IRecordReader reader) : Activity<RegisterServiceForReview.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The catalogue entry's record id.")]
        public string? ServiceId { get; set; }

        [Input(Description = "How often the service is reviewed, e.g. 30.00:00:00 (ISO P30D works too).")]
        public TimeSpan Every { get; set; } = TimeSpan.FromDays(30);

        [Input(Description = "Who attends the review, e.g. the business owner.")]
        public string? Participants { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (input.Every <= TimeSpan.Zero) return Fail("The review interval must be positive.", retryable: false);
        var entry = await ItilRecords.FindAsync(context, reader, RecordTypes.CatalogueEntry, input.ServiceId, cancellationToken);
        if (entry is null) return ItilRecords.Missing(RecordTypes.CatalogueEntry, input.ServiceId);

        var next = context.Now + input.Every;
        entry["review"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheduled"] = true,
            ["everyDays"] = input.Every.TotalDays,
            ["participants"] = input.Participants,
            ["registeredAt"] = ItilRecords.Timestamp(context),
            ["nextReviewAt"] = ItilRecords.Format(next),
        };
        ItilRecords.Write(context, RecordTypes.CatalogueEntry, input.ServiceId!, entry);
        return Done(next);
    }
}
