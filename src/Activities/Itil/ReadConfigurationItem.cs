using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Reads a configuration item from the configuration records, so later steps (a diagnosis, a change) work from what
/// is recorded about it. An unknown item is an outcome, not a fault: the stream decides what to do.
/// </summary>
[Activity("Itsm", "ReadConfigurationItem", DisplayName = "Read configuration item",
    Description = "Reads a configuration item's recorded data; NotFound when there is none.")]
[Outcomes(Outcomes.Done, NotFound)]
[Output("data", typeof(object), Description = "The item's recorded data.")]
[Output("number", typeof(string), Description = "The item's number.")]
[Output("status", typeof(string), Description = "The item's status.")]
[ItilTags(ValueChain = ["deliver-and-support"], Practices = ["service-configuration-management"], Roles = ["support engineer"])]
public sealed class ReadConfigurationItem(IRecordReader reader) : Activity<ReadConfigurationItem.Inputs>
{
    public const string NotFound = "NotFound";

    public sealed class Inputs
    {
        [Input(Description = "The configuration item's record id.")]
        public string? ConfigurationItemId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var item = await ItilRecords.FindAsync(context, reader, RecordTypes.ConfigurationItem, input.ConfigurationItemId, cancellationToken);
        if (item is null) return Outcome(NotFound);
        return Done(new Dictionary<string, object?>
        {
            ["data"] = item,
            ["number"] = ItilRecords.Text(item, RecordFields.Number),
            ["status"] = ItilRecords.Text(item, RecordFields.Status),
        });
    }
}
