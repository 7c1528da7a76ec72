using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// The group writer's long-lived connection and its prepared statements. Transactions and savepoints are
/// plain SQL statements (not <see cref="SqliteTransaction"/>) so the same prepared commands serve every batch
/// without re-binding a transaction object.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private const string Savepoint = "unit";

    private readonly SqliteConnection _connection;
    private readonly List<WriterStatement> _all = [];
    private readonly WriterStatement _begin;
    private readonly WriterStatement _commit;
    private readonly WriterStatement _rollback;
    private readonly WriterStatement _savepoint;
    private readonly WriterStatement _release;
    private readonly WriterStatement _rollbackToSavepoint;
    private readonly WriterStatement _insertInstance;
    private readonly WriterStatement _updateInstance;
    private readonly WriterStatement _insertBookmark;
    private readonly WriterStatement _deleteBookmark;
    private readonly WriterStatement _insertTask;
    private readonly WriterStatement _deleteTask;
    private readonly WriterStatement _deleteTasksOfInstance;
    // One prepared multi-row INSERT per row count: a burst's journal rows go in as one statement, which saves
    // Microsoft.Data.Sqlite's per-statement overhead on the single writer thread (the ceiling of persisted starts).
    private const int MaxJournalRowsPerStatement = 8;
    private readonly WriterStatement?[] _insertJournalRows = new WriterStatement?[MaxJournalRowsPerStatement + 1];
    private readonly WriterStatement _insertFault;
    private readonly WriterStatement _resolveFault;
    private readonly WriterStatement _deleteBookmarksOfInstance;
    private readonly WriterStatement _deleteJournalOfInstance;
    private readonly WriterStatement _deleteFaultsOfInstance;
    private readonly WriterStatement _deleteInstance;
    private readonly WriterStatement _insertOutbox;
    private readonly WriterStatement _deleteOutbox;
    private readonly WriterStatement _claimOutbox;
    private readonly WriterStatement _failOutbox;
    // Rare, row-returning statements (claims, attempt counts) keep ADO.NET's reader: not on the start path.
    private readonly SqliteCommand _selectDueOutbox;
    private readonly SqliteCommand _countAttempt;
    private readonly SqliteCommand _reserveNumbers;
    private readonly WriterStatement _clearAttempts;
    // Indexed by RecordStatement.
    private readonly WriterStatement[] _recordStatements;

    private WriterStatements(SqliteConnection connection)
    {
        _connection = connection;
        // IMMEDIATE takes the write lock up front: a deferred transaction could hit SQLITE_BUSY on its first write.
        _begin = Prepare("BEGIN IMMEDIATE", 0);
        _commit = Prepare("COMMIT", 0);
        _rollback = Prepare("ROLLBACK", 0);
        _savepoint = Prepare("SAVEPOINT " + Savepoint, 0);
        _release = Prepare("RELEASE " + Savepoint, 0);
        _rollbackToSavepoint = Prepare("ROLLBACK TO " + Savepoint, 0);
        _insertInstance = Prepare(SqlText.InsertInstance, 14);
        _updateInstance = Prepare(SqlText.UpdateInstance, 15);
        _insertBookmark = Prepare(SqlText.InsertBookmark, SqlText.BookmarkColumnCount);
        _deleteBookmark = Prepare(SqlText.DeleteBookmark, 2);
        _insertTask = Prepare(SqlText.InsertTask, TaskTable.InsertParameterCount);
        _deleteTask = Prepare(SqlText.DeleteTask, 2);
        _deleteTasksOfInstance = Prepare(SqlText.DeleteTasksOfInstance, 1);
        _insertFault = Prepare(SqlText.InsertFault, 8);
        _resolveFault = Prepare(SqlText.ResolveFault, 3);
        _deleteBookmarksOfInstance = Prepare(SqlText.DeleteBookmarksOfInstance, 1);
        _deleteJournalOfInstance = Prepare(SqlText.DeleteJournalOfInstance, 1);
        _deleteFaultsOfInstance = Prepare(SqlText.DeleteFaultsOfInstance, 1);
        _deleteInstance = Prepare(SqlText.DeleteInstance, 1);
        _insertOutbox = Prepare(SqlText.InsertOutbox, 8);
        _deleteOutbox = Prepare(SqlText.DeleteOutbox, 1);
        _claimOutbox = Prepare(SqlText.ClaimOutbox, 3);
        _failOutbox = Prepare(SqlText.FailOutbox, 3);
        _selectDueOutbox = PrepareCommand(SqlText.SelectDueOutbox, 2);
        _countAttempt = PrepareCommand(SqlText.CountAttempt, 2);
        _reserveNumbers = PrepareCommand(SqlText.ReserveNumbers, 2);
        _clearAttempts = Prepare(SqlText.ClearAttempts, 1);
        _recordStatements = SqlText.RecordStatements.Select((sql, i) => Prepare(sql, RecordTable.ParameterCounts[i])).ToArray();
    }

    public static WriterStatements Open(string connectionString)
    {
        var connection = SqliteConnections.Open(connectionString);
        try
        {
            return new WriterStatements(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True while a transaction is open on the connection (SQLite may end one itself after an I/O error).</summary>
    public bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    public void Rollback() => _rollback.ExecuteNonQuery();

    public void BeginUnit() => _savepoint.ExecuteNonQuery();

    public void EndUnit() => _release.ExecuteNonQuery();

    /// <summary>Undoes everything since <see cref="BeginUnit"/> and pops the savepoint; the batch transaction stays open.</summary>
    public void UndoUnit()
    {
        _rollbackToSavepoint.ExecuteNonQuery();
        _release.ExecuteNonQuery();
    }

    /// <summary>Inserts a new instance; false when an instance with that id already exists.</summary>
    public bool InsertInstance(InstanceRecord instance) => BindInstance(_insertInstance, instance).ExecuteNonQuery() == 1;

    /// <summary>Replaces an instance if its stored revision is <paramref name="expectedRevision"/>; false otherwise.</summary>
    public bool UpdateInstance(InstanceRecord instance, long expectedRevision) =>
        BindInstance(_updateInstance, instance).Set(14, expectedRevision).ExecuteNonQuery() == 1;

    /// <summary>Inserts the bookmark and, for a human task, its Tasks row (same unit, so both or neither).</summary>
    public void InsertBookmark(BookmarkRecord b)
    {
        _insertBookmark
            .Set(0, b.Id).Set(1, b.InstanceId).Set(2, b.ActivityId).Set(3, b.ActivityType).Set(4, b.Kind).Set(5, b.Key)
            .Set(6, b.CorrelationId).Set(7, b.PayloadJson).Set(8, UtcTicks.From(b.CreatedAt)).Set(9, UtcTicks.From(b.ResumeAt))
            .ExecuteNonQuery();
        if (b.Task is { } task)
        {
            var values = TaskTable.Values(b, task);
            for (var i = 0; i < values.Length; i++) _insertTask.Set(i, values[i]);
            _insertTask.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes the bookmark and its task row, if any.</summary>
    public void DeleteBookmark(string bookmarkId, string instanceId)
    {
        _deleteBookmark.Set(0, bookmarkId).Set(1, instanceId).ExecuteNonQuery();
        // The writer only knows the id: a primary-key probe on Tasks is cheaper than reading the bookmark first.
        _deleteTask.Set(0, bookmarkId).Set(1, instanceId).ExecuteNonQuery();
    }

    public void InsertJournal(IReadOnlyList<JournalRecord> rows)
    {
        for (var start = 0; start < rows.Count; start += MaxJournalRowsPerStatement)
        {
            var count = Math.Min(MaxJournalRowsPerStatement, rows.Count - start);
            var statement = _insertJournalRows[count] ??= Prepare(SqlText.InsertJournalRows(count), count * SqlText.JournalColumnCount);
            for (var row = 0; row < count; row++)
            {
                var j = rows[start + row];
                var p = row * SqlText.JournalColumnCount;
                statement.Set(p, j.InstanceId).Set(p + 1, j.Sequence).Set(p + 2, j.ActivityId).Set(p + 3, j.ActivityType)
                    .Set(p + 4, j.ActivityName).Set(p + 5, j.EventName).Set(p + 6, UtcTicks.From(j.StartedAt))
                    .Set(p + 7, UtcTicks.From(j.CompletedAt)).Set(p + 8, j.Outcome).Set(p + 9, j.Summary).Set(p + 10, j.Tags)
                    .Set(p + 11, j.Actor).Set(p + 12, j.Data);
            }
            statement.ExecuteNonQuery();
        }
    }

    public void InsertFault(FaultRecord f) => _insertFault
        .Set(0, f.Id).Set(1, f.InstanceId).Set(2, f.ActivityId).Set(3, f.ActivityType).Set(4, f.Message)
        .Set(5, f.ExceptionType).Set(6, UtcTicks.From(f.OccurredAt)).Set(7, UtcTicks.From(f.ResolvedAt))
        .ExecuteNonQuery();

    public void ResolveFault(string faultId, string instanceId, DateTimeOffset resolvedAt) =>
        _resolveFault.Set(0, faultId).Set(1, instanceId).Set(2, UtcTicks.From(resolvedAt)).ExecuteNonQuery();

    public void InsertOutbox(OutboxRecord o) => _insertOutbox
        .Set(0, o.Id).Set(1, o.Kind).Set(2, o.InstanceId).Set(3, o.PayloadJson).Set(4, UtcTicks.From(o.CreatedAt))
        .Set(5, UtcTicks.From(o.AvailableAt)).Set(6, o.Attempts).Set(7, o.LastError)
        .ExecuteNonQuery();

    public bool DeleteOutbox(string id) => _deleteOutbox.Set(0, id).ExecuteNonQuery() == 1;

    /// <summary>Claims up to <paramref name="max"/> rows due at <paramref name="now"/> until <paramref name="leaseUntil"/>.</summary>
    public List<OutboxRecord> ClaimOutbox(DateTimeOffset now, DateTimeOffset leaseUntil, int max)
    {
        var due = new List<OutboxRecord>();
        _selectDueOutbox.Parameters[0].Value = UtcTicks.From(now);
        _selectDueOutbox.Parameters[1].Value = max;
        using (var reader = _selectDueOutbox.ExecuteReader())
            while (reader.Read()) due.Add(RecordReader.Outbox(reader));
        var claimed = new List<OutboxRecord>(due.Count);
        foreach (var row in due)
            if (_claimOutbox.Set(0, row.Id).Set(1, UtcTicks.From(now)).Set(2, UtcTicks.From(leaseUntil)).ExecuteNonQuery() == 1)
                claimed.Add(row with { AvailableAt = leaseUntil });
        return claimed;
    }

    public bool FailOutbox(string id, DateTimeOffset retryAt, string error) =>
        _failOutbox.Set(0, id).Set(1, UtcTicks.From(retryAt)).Set(2, error).ExecuteNonQuery() == 1;

    /// <summary>Counts one more unattended attempt to run the instance; returns the count.</summary>
    public int CountAttempt(string instanceId, DateTimeOffset at)
    {
        _countAttempt.Parameters[0].Value = instanceId;
        _countAttempt.Parameters[1].Value = UtcTicks.From(at);
        return Convert.ToInt32(_countAttempt.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reserves <paramref name="count"/> numbers of <paramref name="counter"/>; returns the last one reserved.</summary>
    public long ReserveNumbers(string counter, int count)
    {
        _reserveNumbers.Parameters[0].Value = counter;
        _reserveNumbers.Parameters[1].Value = count;
        return Convert.ToInt64(_reserveNumbers.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The record's row, its links and its history row (<see cref="RecordTable.Statements"/>).</summary>
    public void WriteRecord(RecordWrite r)
    {
        foreach (var (statement, values) in RecordTable.Statements(r))
        {
            var prepared = _recordStatements[(int)statement];
            for (var i = 0; i < values.Length; i++) prepared.Set(i, values[i]);
            var refused = false;
            switch (statement)
            {
                case RecordStatement.Upsert:
                    // No row: the record moved since it was read.
                    refused = prepared.ExecuteNonQuery() == 0;
                    break;
                case RecordStatement.UpsertExisting:
                    // Or a first insert where a stored version was expected: the record was deleted since.
                    refused = prepared.ExecuteReturning() is not { } version || RecordTable.Resurrects(r, version);
                    break;
                default:
                    prepared.ExecuteNonQuery();
                    break;
            }

            if (refused) throw new RecordConflictException(r.RecordType, r.RecordId);
        }
    }

    public void ClearAttempts(string instanceId) => _clearAttempts.Set(0, instanceId).ExecuteNonQuery();

    /// <summary>Deletes an instance and everything hanging off it; false when the instance row did not exist.</summary>
    public bool DeleteInstance(string instanceId)
    {
        _deleteTasksOfInstance.Set(0, instanceId).ExecuteNonQuery();
        _deleteBookmarksOfInstance.Set(0, instanceId).ExecuteNonQuery();
        _deleteJournalOfInstance.Set(0, instanceId).ExecuteNonQuery();
        _deleteFaultsOfInstance.Set(0, instanceId).ExecuteNonQuery();
        return _deleteInstance.Set(0, instanceId).ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Lets SQLite refresh its planner statistics where they are stale (cheap; recommended before closing a
    /// long-lived connection).
    /// </summary>
    public void Optimize()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA optimize;";
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }

        _selectDueOutbox.Dispose();
        _countAttempt.Dispose();
        _reserveNumbers.Dispose();

        _connection.Dispose();
    }

    private static WriterStatement BindInstance(WriterStatement statement, InstanceRecord i) => statement
        .Set(0, i.Id).Set(1, i.DefinitionId).Set(2, i.DefinitionVersionId).Set(3, i.Version).Set(4, i.Name)
        .Set(5, (long)i.Status).Set(6, i.CorrelationId).Set(7, i.ParentInstanceId).Set(8, i.FaultCount)
        .Set(9, UtcTicks.From(i.CreatedAt)).Set(10, UtcTicks.From(i.UpdatedAt)).Set(11, UtcTicks.From(i.FinishedAt))
        .Set(12, i.Revision).Set(13, i.StateJson);

    private SqliteCommand PrepareCommand(string sql, int parameterCount)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++) command.Parameters.Add(new SqliteParameter("@p" + i, null));
        command.Prepare();
        return command;
    }

    private WriterStatement Prepare(string sql, int parameterCount)
    {
        var statement = new WriterStatement(_connection, sql, parameterCount);
        _all.Add(statement);
        return statement;
    }
}
