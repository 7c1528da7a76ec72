using System.Text.Json;
using Itsm.Activities.Itil;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// What the store indexes of a record's data (<see cref="RecordFields"/>): number, status, priority and title as
/// columns, so the lists filter without JSON functions on either provider, and the links as rows of RecordLinks.
/// Computed once, where a <see cref="RecordWrite"/> is built; the stores only bind the values.
/// </summary>
public sealed record RecordProjection(string? Number, string? Status, string? Priority, string? Title, IReadOnlyList<RecordLink> Links)
{
    public static readonly RecordProjection None = new(null, null, null, null, []);

    /// <summary>
    /// Number and title lower-cased (invariant) for the lists' case-insensitive text search: the same on SQLite (whose
    /// lower() knows only ASCII) and PostgreSQL, and a plain LIKE on an indexed column instead of a function per row.
    /// </summary>
    public string? SearchText => Number is null && Title is null ? null : $"{Number} {Title}".Trim().ToLowerInvariant();

    /// <summary>The projection of <paramref name="dataJson"/>; fields that are missing or not strings are null.</summary>
    public static RecordProjection Of(string? dataJson)
    {
        if (string.IsNullOrEmpty(dataJson)) return None;
        using var document = JsonDocument.Parse(dataJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return None;
        return new RecordProjection(Text(root, RecordFields.Number), Text(root, RecordFields.Status), Text(root, RecordFields.Priority),
            Text(root, RecordFields.Title), LinksOf(root));
    }

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static List<RecordLink> LinksOf(JsonElement data)
    {
        if (!data.TryGetProperty(RecordFields.Links, out var links) || links.ValueKind != JsonValueKind.Array) return [];
        var result = new List<RecordLink>();
        foreach (var link in links.EnumerateArray())
        {
            if (link.ValueKind != JsonValueKind.Object || Text(link, "type") is not { } type || Text(link, "id") is not { } id) continue;
            var candidate = new RecordLink(type, id, Text(link, "relation") ?? "");
            // The link's key is (from, to, relation): a repeated link is kept once.
            if (!result.Contains(candidate)) result.Add(candidate);
        }

        return result;
    }
}

/// <summary>A link from a record to another (<paramref name="Relation"/> is empty when the data gave none).</summary>
public sealed record RecordLink(string ToType, string ToId, string Relation);
