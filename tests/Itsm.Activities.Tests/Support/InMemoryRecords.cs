using System.Globalization;
using Itsm.Activities.Expressions;
using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Tests.Support;

/// <summary>
/// The record store as the ITIL activities see it: committed records (seed them with <see cref="Seed"/>, or commit a
/// burst's changes with <see cref="Commit"/>) and a number sequence per type that counts what it handed out.
/// Committed data goes through JSON, as in the real store, so activities read what they would read from the host.
/// </summary>
public sealed class InMemoryRecords : IRecordReader, IRecordNumbers
{
    private readonly Dictionary<(string Type, string Id), RecordSnapshot> _records = [];
    private readonly Dictionary<string, int> _sequences = [];

    public List<string> Allocated { get; } = [];

    /// <summary>When set, the next number request throws it once (a transient store failure).</summary>
    public Exception? FailNextNumber { get; set; }

    public void Seed(string recordType, string recordId, object data)
    {
        lock (_records)
        {
            var version = _records.TryGetValue((recordType, recordId), out var existing) ? existing.Version + 1 : 1;
            _records[(recordType, recordId)] = new RecordSnapshot(recordType, recordId, version,
                PlainJson.Parse(System.Text.Json.JsonSerializer.Serialize(data)));
        }
    }

    public void Commit(IEnumerable<RecordChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Operation == RecordOperation.Delete)
                lock (_records) _records.Remove((change.RecordType, change.RecordId));
            else
                Seed(change.RecordType, change.RecordId, change.Data!);
        }
    }

    public IDictionary<string, object?>? Data(string recordType, string recordId)
    {
        lock (_records) return _records.TryGetValue((recordType, recordId), out var record) ? (IDictionary<string, object?>?)record.Data : null;
    }

    public Task<RecordSnapshot?> FindAsync(string recordType, string recordId, CancellationToken cancellationToken)
    {
        lock (_records) return Task.FromResult(_records.GetValueOrDefault((recordType, recordId)));
    }

    public ValueTask<string> NextAsync(string recordType, CancellationToken cancellationToken)
    {
        if (FailNextNumber is { } failure)
        {
            FailNextNumber = null;
            throw failure;
        }
        lock (_sequences)
        {
            var next = _sequences.GetValueOrDefault(recordType) + 1;
            _sequences[recordType] = next;
            var number = RecordTypes.NumberPrefixes[recordType] + next.ToString("D7", CultureInfo.InvariantCulture);
            Allocated.Add(number);
            return new(number);
        }
    }
}
