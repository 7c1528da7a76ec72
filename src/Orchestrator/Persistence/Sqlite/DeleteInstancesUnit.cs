namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// Deletes a batch of terminal instances and their rows (retention) in one unit through the group writer, so the
/// purge shares the single writer with commits instead of competing with it for the file lock.
/// </summary>
internal sealed class DeleteInstancesUnit(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    : WriteUnit(cancellationToken)
{
    public override bool Apply(WriterStatements statements)
    {
        HasWritten = true;
        foreach (var instanceId in instanceIds)
            statements.DeleteInstance(instanceId);
        return true;
    }
}
