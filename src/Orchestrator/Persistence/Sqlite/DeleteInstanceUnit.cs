namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// Deletes an instance and its rows. Goes through the group writer like commits so the database keeps a single
/// writer and a delete cannot interleave with a burst of the same instance.
/// </summary>
internal sealed class DeleteInstanceUnit(string instanceId, CancellationToken cancellationToken)
    : WriteUnit(cancellationToken)
{
    public override bool Apply(WriterStatements statements)
    {
        // Several deletes: a failure part-way has written something.
        HasWritten = true;
        return statements.DeleteInstance(instanceId);
    }
}
