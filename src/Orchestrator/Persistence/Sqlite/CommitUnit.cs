namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>The writes of one <see cref="IWorkflowStore.CommitAsync"/> call: all or nothing.</summary>
internal sealed class CommitUnit(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken)
    : WriteUnit(cancellationToken)
{
    public override bool Apply(WriterStatements statements)
    {
        HasWritten = false;
        foreach (var write in writes)
        {
            var instance = write.Instance;

            // The record carries the new revision; the expected one guards against a concurrent burst.
            var stored = write.ExpectedRevision == 0
                ? statements.InsertInstance(instance)
                : statements.UpdateInstance(instance, write.ExpectedRevision);
            if (!stored)
            {
                throw new ConcurrencyConflictException(instance.Id);
            }

            HasWritten = true;

            // Removals first, so a burst that re-creates a bookmark under the same id replaces it.
            foreach (var bookmarkId in write.RemovedBookmarkIds)
            {
                statements.DeleteBookmark(bookmarkId, instance.Id);
            }

            foreach (var bookmark in write.AddedBookmarks)
            {
                statements.InsertBookmark(bookmark);
            }

            statements.InsertJournal(write.Journal);

            foreach (var fault in write.AddedFaults)
            {
                statements.InsertFault(fault);
            }

            foreach (var faultId in write.ResolvedFaultIds)
            {
                statements.ResolveFault(faultId, instance.Id, instance.UpdatedAt);
            }

            foreach (var record in write.Records)
            {
                statements.WriteRecord(record);
            }

            foreach (var item in write.Outbox)
            {
                statements.InsertOutbox(item);
            }

            if (write.ClearAttempts)
            {
                statements.ClearAttempts(instance.Id);
            }
        }

        return true;
    }
}
