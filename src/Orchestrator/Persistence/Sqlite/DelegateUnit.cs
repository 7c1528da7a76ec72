namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// A small write through the group writer that returns a value (outbox claims, attempt counts): the database keeps
/// its single writer, and the work rides in whatever batch is going. Re-applied from scratch when a batch is replayed.
/// </summary>
internal sealed class DelegateUnit<T>(Func<WriterStatements, T> apply, CancellationToken cancellationToken)
    : WriteUnit(cancellationToken)
{
    public T? Result { get; private set; }

    public override bool Apply(WriterStatements statements)
    {
        // Conservative: any failure part-way may have written, so the batch replays with savepoints.
        HasWritten = true;
        Result = apply(statements);
        return true;
    }
}
