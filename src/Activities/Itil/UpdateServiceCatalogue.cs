using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Adds a service to the service catalogue or updates its entry (name, description, status, owner, any other fields).
/// With no entry id the node creates its own entry, so a stream that launches a service lists it once, however often
/// the step is retried.
/// </summary>
[Activity("Itsm", "UpdateServiceCatalogue", DisplayName = "Update service catalogue",
    Description = "Adds a service to the catalogue or updates its entry.")]
[Output("recordId", typeof(string), Description = "The catalogue entry's record id.")]
[Output("number", typeof(string), Description = "The catalogue entry's number, e.g. SVC0000004.")]
[ItilTags(ValueChain = ["design-and-transition", "engage"], Practices = ["service-catalogue-management"], Roles = ["service owner"])]
public sealed class UpdateServiceCatalogue(IRecordReader reader, IRecordNumbers numbers) : Activity<UpdateServiceCatalogue.Inputs>
{
    private static readonly HashSet<string> Protected = new(StringComparer.OrdinalIgnoreCase)
        { RecordFields.Number, RecordFields.Links, "createdAt", "updatedAt", "instanceId" };

    public sealed class Inputs
    {
        [Input(Description = "The catalogue entry's record id; empty adds a new entry.")]
        public string? ServiceId { get; set; }

        [Input(Description = "The service's name as users see it.")]
        public string? ServiceName { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "What the service offers, in users' words.")]
        public string? Description { get; set; }

        [Input(Description = "The entry's status (lower-case, e.g. pipeline, live, retired); empty: live for a new entry, else unchanged.")]
        public string? Status { get; set; }

        [Input(Description = "Who owns the service.")]
        public string? Owner { get; set; }

        [Input(UIHint = UIHints.JsonEditor, Description = "Other fields to set, e.g. {\"supportHours\": \"24x7\"}.")]
        public Dictionary<string, object?> Fields { get; set; } = [];
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var refused = input.Fields.Keys.FirstOrDefault(Protected.Contains);
        if (refused is not null) return Fail($"The field '{refused}' of a catalogue entry cannot be set by a workflow.", retryable: false);
        Dictionary<string, object?> entry;
        string id;
        if (string.IsNullOrWhiteSpace(input.ServiceId))
        {
            if (string.IsNullOrWhiteSpace(input.ServiceName)) return Fail("A new catalogue entry needs a service name.", retryable: false);
            id = ItilRecords.IdFor(context);
            entry = await ItilRecords.FindOrNewAsync(context, reader, numbers, RecordTypes.CatalogueEntry, id, cancellationToken);
        }
        else
        {
            id = input.ServiceId.Trim();
            var existing = await ItilRecords.FindAsync(context, reader, RecordTypes.CatalogueEntry, id, cancellationToken);
            if (existing is null) return ItilRecords.Missing(RecordTypes.CatalogueEntry, id);
            entry = existing;
        }

        foreach (var (field, value) in input.Fields) entry[field] = value;
        if (!string.IsNullOrWhiteSpace(input.ServiceName)) entry[RecordFields.Title] = input.ServiceName.Trim();
        if (input.Description is not null) entry["description"] = input.Description;
        if (!string.IsNullOrWhiteSpace(input.Owner)) entry["owner"] = input.Owner.Trim();
        if (!string.IsNullOrWhiteSpace(input.Status)) entry[RecordFields.Status] = input.Status.Trim().ToLowerInvariant();
        else if (!entry.ContainsKey(RecordFields.Status)) entry[RecordFields.Status] = "live";
        ItilRecords.Write(context, RecordTypes.CatalogueEntry, id, entry);
        return Done(new Dictionary<string, object?> { ["recordId"] = id, ["number"] = entry[RecordFields.Number] });
    }
}
