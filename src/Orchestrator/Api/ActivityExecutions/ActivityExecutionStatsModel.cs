namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>Elsa's <c>ActivityExecutionStats</c>: what the instance viewer paints on each node.</summary>
public sealed record ActivityExecutionStatsModel(
    string ActivityId,
    string ActivityNodeId,
    long StartedCount,
    long CompletedCount,
    long UncompletedCount,
    bool IsBlocked,
    bool IsFaulted,
    int AggregateFaultCount)
{
    public IReadOnlyDictionary<string, object> Metadata { get; init; } = new Dictionary<string, object>();
}
