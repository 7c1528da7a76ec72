using System.Text.Json;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Journal records (or instances with at least one such record) tagged with a value-chain activity, a practice and
/// a role; each part is optional and all given parts must match. Roles compare without regard to case.
/// </summary>
public sealed record JournalTagFilter(string? ValueChain, string? Practice, string? Role)
{
    public bool IsEmpty => ValueChain is null && Practice is null && Role is null;

    /// <summary>Whether a journal record's normalized tags (<c>{"valueChain":[…],"practices":[…],"roles":[…]}</c>) match.</summary>
    public bool Matches(string? tagsJson)
    {
        if (IsEmpty) return true;
        if (string.IsNullOrEmpty(tagsJson)) return false;
        try
        {
            using var document = JsonDocument.Parse(tagsJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return false;
            return Contains(root, "valueChain", ValueChain, StringComparison.Ordinal)
                && Contains(root, "practices", Practice, StringComparison.Ordinal)
                && Contains(root, "roles", Role, StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Contains(JsonElement root, string property, string? wanted, StringComparison comparison)
    {
        if (wanted is null) return true;
        if (!root.TryGetProperty(property, out var values) || values.ValueKind != JsonValueKind.Array) return false;
        foreach (var value in values.EnumerateArray())
            if (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), wanted, comparison)) return true;
        return false;
    }
}
