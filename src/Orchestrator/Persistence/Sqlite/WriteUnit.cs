namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// One caller's request to the group writer: applied inside the batch transaction (inside a savepoint of it when
/// the batch has to be replayed) and completed only after that transaction committed (or failed).
/// </summary>
internal abstract class WriteUnit(CancellationToken cancellationToken)
{
    // Continuations run off the writer thread, so a slow caller cannot stall the next batch.
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Checked before the unit is written; once written, the unit completes with its real outcome.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<bool> Completion => _completion.Task;

    /// <summary>Applies the unit's statements; throws <see cref="ConcurrencyConflictException"/> to undo it.</summary>
    public abstract bool Apply(WriterStatements statements);

    /// <summary>
    /// Whether the last <see cref="Apply"/> changed anything before it threw. A unit refused by its first
    /// (guard) statement has not, so without a savepoint it can fail alone and the rest of the batch commits.
    /// </summary>
    public bool HasWritten { get; protected set; }

    public void Succeed(bool result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
