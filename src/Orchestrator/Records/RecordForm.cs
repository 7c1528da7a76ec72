using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Itil;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// What a person may write for a record kind: the body is the record's data (a JSON object). <c>title</c> is
/// required; <c>status</c> defaults to <see cref="DefaultStatus"/>; <c>priority</c> is P1–P4; <c>links</c> an array of
/// <c>{type, id, relation?}</c> to known record types; <c>number</c> is the server's; <see cref="Counts"/> are required
/// whole numbers ≥ 0. Everything else is kept as sent.
/// </summary>
public sealed record RecordForm(string DefaultStatus, IReadOnlyList<string> Counts)
{
    public const int MaxTitleLength = 200;

    public static readonly RecordForm ConfigurationItem = new("active", []);

    /// <summary>Spare parts in stock: consumed by steps, reordered below the threshold.</summary>
    public static readonly RecordForm Asset = new("in-stock", ["stockCount", "reorderThreshold"]);

    public static readonly RecordForm Improvement = new("registered", []);

    private static readonly HashSet<string> Priorities = ["P1", "P2", "P3", "P4"];

    /// <summary>The data to store, or the field at fault and why.</summary>
    public (JsonObject? Data, string? Field, string? Error) Check(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "body", "The body must be a JSON object: the record's data.");
        if (JsonObject.Create(body) is not { } data) return (null, "body", "The body must be a JSON object: the record's data.");
        data = (JsonObject)data.DeepClone();

        if (data.ContainsKey(RecordFields.Number)) return (null, RecordFields.Number, "The number is assigned by the server.");
        if (data[RecordFields.Title] is not JsonValue titleValue || !titleValue.TryGetValue<string>(out var title) || string.IsNullOrWhiteSpace(title))
            return (null, RecordFields.Title, "A title (non-empty string) is required.");
        if (title.Length > MaxTitleLength) return (null, RecordFields.Title, $"A title is at most {MaxTitleLength} characters.");

        if (data[RecordFields.Status] is { } statusNode)
        {
            if (statusNode is not JsonValue statusValue || !statusValue.TryGetValue<string>(out var status) || string.IsNullOrWhiteSpace(status))
                return (null, RecordFields.Status, "A status is a non-empty string.");
        }
        else
        {
            data[RecordFields.Status] = DefaultStatus;
        }

        if (data[RecordFields.Priority] is { } priorityNode
            && (priorityNode is not JsonValue priorityValue || !priorityValue.TryGetValue<string>(out var priority) || !Priorities.Contains(priority)))
            return (null, RecordFields.Priority, "A priority is one of P1, P2, P3, P4.");

        foreach (var count in Counts)
        {
            if (data[count] is not JsonValue countValue || countValue.GetValueKind() != JsonValueKind.Number
                || !countValue.TryGetValue<long>(out var number) || number < 0 || number > int.MaxValue)
                return (null, count, $"{count} is required: a whole number from 0.");
        }

        return CheckLinks(data) is { } linkError ? (null, linkError.Field, linkError.Error) : (data, null, null);
    }

    private static (string Field, string Error)? CheckLinks(JsonObject data)
    {
        if (data[RecordFields.Links] is not { } linksNode) return null;
        if (linksNode is not JsonArray links) return (RecordFields.Links, "Links are an array of {type, id, relation?}.");
        for (var i = 0; i < links.Count; i++)
        {
            var at = $"{RecordFields.Links}[{i}]";
            if (links[i] is not JsonObject link) return (at, "A link is an object {type, id, relation?}.");
            if (!IsText(link["type"], out var type) || !RecordTypes.NumberPrefixes.ContainsKey(type))
                return (at + ".type", $"A link's type is one of {string.Join(", ", RecordTypes.All)}.");
            if (!IsText(link["id"], out _)) return (at + ".id", "A link's id is a non-empty string.");
            if (link["relation"] is { } relation && !IsText(relation, out _)) return (at + ".relation", "A link's relation is a non-empty string.");
        }

        return null;
    }

    private static bool IsText(JsonNode? node, out string text)
    {
        text = "";
        if (node is not JsonValue value || !value.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s)) return false;
        text = s;
        return true;
    }
}
