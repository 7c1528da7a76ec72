using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Keeps the configuration records true after work on an item: sets the given fields, optionally its status, and links
/// the change that altered it. Its number and links are the store's to keep and cannot be set this way.
/// </summary>
[Activity("Itsm", "UpdateConfigurationItem", DisplayName = "Update configuration item",
    Description = "Updates fields of a configuration item and links the change that altered it; NotFound when there is none.")]
[Outcomes(Outcomes.Done, ReadConfigurationItem.NotFound)]
[Output("number", typeof(string), Description = "The item's number.")]
[ItilTags(ValueChain = ["deliver-and-support"], Practices = ["service-configuration-management", "it-asset-management"], Roles = ["support engineer"])]
public sealed class UpdateConfigurationItem(IRecordReader reader) : Activity<UpdateConfigurationItem.Inputs>
{
    private static readonly HashSet<string> Protected = new(StringComparer.OrdinalIgnoreCase)
        { RecordFields.Number, RecordFields.Links, "createdAt", "updatedAt", "instanceId" };

    public sealed class Inputs
    {
        [Input(Description = "The configuration item's record id.")]
        public string? ConfigurationItemId { get; set; }

        [Input(UIHint = UIHints.JsonEditor, Description = "The fields to set, e.g. {\"serialNumber\": \"AP-7731\", \"firmware\": \"2.4\"}.")]
        public Dictionary<string, object?> Fields { get; set; } = [];

        [Input(Description = "The item's new status (lower-case, e.g. live, in-repair, retired); empty keeps it.")]
        public string? Status { get; set; }

        [Input(Description = "The record id of the change that altered the item, if any.")]
        public string? ChangeId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var refused = input.Fields.Keys.FirstOrDefault(Protected.Contains);
        if (refused is not null) return Fail($"The field '{refused}' of a configuration item cannot be set by a workflow.", retryable: false);
        var item = await ItilRecords.FindAsync(context, reader, RecordTypes.ConfigurationItem, input.ConfigurationItemId, cancellationToken);
        if (item is null) return Outcome(ReadConfigurationItem.NotFound);

        foreach (var (field, value) in input.Fields) item[field] = value;
        if (!string.IsNullOrWhiteSpace(input.Status)) item[RecordFields.Status] = input.Status.Trim().ToLowerInvariant();
        ItilRecords.Link(item, RecordTypes.Change, input.ChangeId, "changed-by");
        ItilRecords.Write(context, RecordTypes.ConfigurationItem, input.ConfigurationItemId!, item);
        return Done(ItilRecords.Text(item, RecordFields.Number));
    }
}
