namespace Itsm.Orchestrator.Definitions.PostgreSql;

/// <summary>
/// The PostgreSQL channel that carries definition changes between nodes, and this node's name on it. A payload is
/// <c>"{node}:{definitionId}"</c>: a node ignores what it sent itself (it applied the change already).
/// </summary>
public sealed class DefinitionChangeChannel
{
    public const string Name = "itsm_definitions";

    /// <summary>This node (this host process), unique per start.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public string Payload(string definitionId) => $"{NodeId}:{definitionId}";

    /// <summary>The definition a payload names, or null when this node sent it (or it is not ours).</summary>
    public string? FromOtherNode(string payload)
    {
        var separator = payload.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == payload.Length - 1) return null;
        return payload.AsSpan(0, separator).SequenceEqual(NodeId) ? null : payload[(separator + 1)..];
    }
}
