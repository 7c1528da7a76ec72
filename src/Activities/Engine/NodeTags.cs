using System.Text.Encodings.Web;
using System.Text.Json;

namespace Itsm.Activities.Engine;

/// <summary>
/// A node's ITIL tags, compiled with the definition: the value-chain activities it serves, the practices it uses
/// and the roles that perform it (each distinct, in the order given). <see cref="Json"/> is the normalized form
/// written into every journal record of the node: <c>{"valueChain":[…],"practices":[…],"roles":[…]}</c>.
/// </summary>
public sealed record NodeTags
{
    public static readonly NodeTags None = new([], [], []);

    public NodeTags(IReadOnlyList<string> valueChain, IReadOnlyList<string> practices, IReadOnlyList<string> roles)
    {
        ValueChain = valueChain;
        Practices = practices;
        Roles = roles;
        Json = IsEmpty ? null : JsonSerializer.Serialize(new Normalized(valueChain, practices, roles), JournalJson);
    }

    public IReadOnlyList<string> ValueChain { get; }
    public IReadOnlyList<string> Practices { get; }
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Null when the node carries no tag at all (the journal then stores none, as for any Elsa export).</summary>
    public string? Json { get; }

    public bool IsEmpty => ValueChain.Count == 0 && Practices.Count == 0 && Roles.Count == 0;

    /// <summary>Each tag this node sets replaces the same tag of <paramref name="defaults"/>; unset tags keep the default.</summary>
    internal static NodeTags Merge(IReadOnlyList<string>? valueChain, IReadOnlyList<string>? practices, IReadOnlyList<string>? roles, NodeTags defaults)
        => valueChain is null && practices is null && roles is null
            ? defaults
            : new NodeTags(valueChain ?? defaults.ValueChain, practices ?? defaults.Practices, roles ?? defaults.Roles);

    // Role names are people's words: keep them readable in the journal rather than \u-escaped. Values cannot hold
    // quotes or backslashes (the compiler refuses them), so the journal filters can match a quoted value in this text.
    private static readonly JsonSerializerOptions JournalJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Normalized(
        [property: System.Text.Json.Serialization.JsonPropertyName("valueChain")] IReadOnlyList<string> ValueChain,
        [property: System.Text.Json.Serialization.JsonPropertyName("practices")] IReadOnlyList<string> Practices,
        [property: System.Text.Json.Serialization.JsonPropertyName("roles")] IReadOnlyList<string> Roles);

    public bool Equals(NodeTags? other) => other is not null
        && ValueChain.SequenceEqual(other.ValueChain, StringComparer.Ordinal)
        && Practices.SequenceEqual(other.Practices, StringComparer.Ordinal)
        && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(ValueChain.Count, Practices.Count, Roles.Count, Json);

    public override string ToString() => Json ?? "{}";
}
