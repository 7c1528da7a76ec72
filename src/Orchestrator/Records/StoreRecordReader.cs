using Itsm.Activities.Expressions;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Records;

/// <summary>Activities' read port over the committed records of the workflow store.</summary>
public sealed class StoreRecordReader(IWorkflowStore store) : IRecordReader
{
    public async Task<RecordSnapshot?> FindAsync(string recordType, string recordId, CancellationToken cancellationToken)
    {
        var record = await store.FindRecordAsync(recordType, recordId, cancellationToken);
        return record is null ? null : new RecordSnapshot(record.RecordType, record.RecordId, record.Version, PlainJson.Parse(record.DataJson));
    }
}
