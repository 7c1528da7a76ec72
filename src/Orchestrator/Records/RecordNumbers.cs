using System.Collections.Concurrent;
using System.Globalization;
using Itsm.Activities.Itil;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// <see cref="IRecordNumbers"/> on the RecordCounters table, one counter per record type. Numbers are reserved with one
/// atomic upsert through the runtime's store (on SQLite it rides the group writer's batch, on PostgreSQL it takes the
/// row's lock for one statement), in blocks sized by the waiting demand (<see cref="NumberBlock"/>), so every node
/// hands out distinct numbers. The reservation commits before the step's own commit: a step that faults leaves a gap,
/// never a duplicate.
/// </summary>
public sealed class RecordNumbers(IWorkflowStore store, TimeProvider clock) : IRecordNumbers, IDisposable
{
    /// <summary>The most numbers one reservation takes: the group writer's batch rarely holds more concurrent starts.</summary>
    internal const int MaxBlock = 64;

    private readonly ConcurrentDictionary<string, NumberBlock> _blocks = new(StringComparer.Ordinal);

    public async ValueTask<string> NextAsync(string recordType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        if (!RecordTypes.NumberPrefixes.TryGetValue(recordType, out var prefix))
            throw new ArgumentException($"Record type '{recordType}' has no number prefix (known: {string.Join(", ", RecordTypes.All)}).", nameof(recordType));

        var block = _blocks.GetOrAdd(recordType, static (type, args) => new NumberBlock(type, args.Reserve, MaxBlock, args.Clock),
            (Reserve: (Func<string, int, CancellationToken, Task<long>>)store.ReserveNumbersAsync, Clock: clock));
        var value = await block.NextAsync(cancellationToken).ConfigureAwait(false);
        return Format(prefix, value);
    }

    /// <summary>The prefix and at least seven digits: <c>INC0001042</c>.</summary>
    public static string Format(string prefix, long value) => prefix + value.ToString("D7", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var block in _blocks.Values) block.Dispose();
    }
}
