namespace Itsm.Activities.Itil.Catalogue;

/// <summary>
/// One of the 34 practices, with how much it contributes to each value-chain activity: 0 (none) to 3 (high), null
/// where it is not known. The stream ends (<c>demand</c>, <c>value</c>) carry no heat.
/// </summary>
public sealed record ItilPractice(string Id, string Name, PracticeCategory Category, IReadOnlyDictionary<string, int?> Heat)
{
    /// <summary>The heat for a chain activity; null when unknown or when the id is not a chain activity with heat.</summary>
    public int? HeatIn(string chainActivityId) => Heat.TryGetValue(chainActivityId, out var heat) ? heat : null;
}
