using Itsm.Activities.Itil;

namespace Itsm.Activities.Tests.Itil;

/// <summary>Reads committed record data and links the way the assertions need them.</summary>
internal static class ItilAssertions
{
    public static IDictionary<string, object?> Record(this ItilHarness harness, string type, string id)
        => harness.Records.Data(type, id) ?? throw new Xunit.Sdk.XunitException($"no {type} '{id}' was written");

    public static IEnumerable<(string Type, string Id, string? Relation)> Links(this IDictionary<string, object?> data)
        => data.TryGetValue(RecordFields.Links, out var links) && links is IEnumerable<object?> items
            ? items.OfType<IDictionary<string, object?>>().Select(link => ((string)link["type"]!, (string)link["id"]!, link.TryGetValue("relation", out var r) ? (string?)r : null))
            : [];

    public static int WritesOf(this ItilHarness harness, string type) => harness.Written.Count(change => change.RecordType == type);
}
