namespace Itsm.Activities.Itil.Catalogue;

/// <summary>
/// A value-chain activity (<c>plan</c>, <c>engage</c>, …) or one of a value stream's two ends (<c>demand</c>,
/// <c>value</c>, <see cref="IsStreamEnd"/>), as nodes are tagged with it.
/// </summary>
public sealed record ValueChainActivity(string Id, string Name, string Description, bool IsStreamEnd);
