using System.Data.Common;
using Itsm.Activities.Model;
using Npgsql;
using NpgsqlTypes;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// <see cref="IWorkflowStore"/> and <see cref="IWorkflowQueries"/> on PostgreSQL, for any number of hosts on one
/// database. Unlike SQLite (one writer per file, so one group-commit thread), PostgreSQL takes concurrent writers:
/// every commit is one <see cref="NpgsqlBatch"/> on a pooled connection — the instance's guarded write first, then
/// its bookmarks, tasks, journal, faults, records and follow-up work — sent in one round trip and run in one
/// implicit transaction, and the server groups the WAL flushes of concurrent commits itself. The revision guard
/// (<see cref="PostgreSqlText.UpdateInstanceGuarded"/>) refuses a burst that started from a revision another node
/// already moved. Fixed-shape reads use auto-prepared positional statements; the filtered lists are EF Core LINQ
/// shared with SQLite (<see cref="EfStoreLists"/>).
/// </summary>
public sealed class PostgreSqlWorkflowStore : IWorkflowStore, IWorkflowQueries
{
    private static readonly string[] FindBookmarksSql =
        [.. Enumerable.Range(0, 8).Select(i => PostgreSqlText.FindBookmarks((i & 1) != 0, (i & 2) != 0, (i & 4) != 0))];

    private readonly NpgsqlDataSource _dataSource;
    private readonly DatabaseInitializer _initializer;
    private readonly EfStoreLists _lists;

    public PostgreSqlWorkflowStore(NpgsqlDataSource dataSource, Microsoft.EntityFrameworkCore.IDbContextFactory<ItsmDbContext> contexts, DatabaseInitializer initializer)
    {
        _dataSource = dataSource;
        _initializer = initializer;
        _lists = new EfStoreLists(contexts);
    }

    public async Task CommitAsync(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0) return;
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        await using var batch = new NpgsqlBatch();
        var guards = new Dictionary<NpgsqlBatchCommand, string>();
        var recordGuards = new Dictionary<NpgsqlBatchCommand, RecordWrite>();
        foreach (var write in writes) Add(batch, guards, recordGuards, write);

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            batch.Connection = connection;
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgreSqlText.RecordGuardFailedState && recordGuards.Count > 0)
            {
                // A record moved since the burst read it (named by the failed command when Npgsql says which).
                var record = ex.BatchCommand is { } moved && recordGuards.TryGetValue(moved, out var named) ? named : recordGuards.Values.First();
                throw new RecordConflictException(record.RecordType, record.RecordId);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgreSqlText.GuardFailedState)
            {
                // Only the guards divide: this is a lost revision race (named by the failed command when Npgsql says which).
                var instanceId = ex.BatchCommand is { } failed && guards.TryGetValue(failed, out var id) ? id : writes[0].Instance.Id;
                throw new ConcurrencyConflictException(instanceId);
            }
        }
    }

    private static void Add(NpgsqlBatch batch, Dictionary<NpgsqlBatchCommand, string> guards, Dictionary<NpgsqlBatchCommand, RecordWrite> recordGuards,
        InstanceWrite write)
    {
        var i = write.Instance;
        var guard = Command(batch, write.ExpectedRevision == 0 ? PostgreSqlText.InsertInstanceGuarded : PostgreSqlText.UpdateInstanceGuarded,
            i.Id, i.DefinitionId, i.DefinitionVersionId, i.Version, i.Name, (int)i.Status, i.CorrelationId, i.ParentInstanceId,
            i.FaultCount, UtcTicks.From(i.CreatedAt), UtcTicks.From(i.UpdatedAt), UtcTicks.From(i.FinishedAt), i.Revision, i.StateJson);
        if (write.ExpectedRevision != 0) guard.Parameters.Add(new NpgsqlParameter<long> { TypedValue = write.ExpectedRevision });
        guards[guard] = i.Id;

        // Removals first, so a burst that re-creates a bookmark under the same id replaces it.
        foreach (var bookmarkId in write.RemovedBookmarkIds)
        {
            Command(batch, PostgreSqlText.DeleteBookmark, bookmarkId, i.Id);
            Command(batch, PostgreSqlText.DeleteTask, bookmarkId, i.Id);
        }

        foreach (var b in write.AddedBookmarks)
        {
            Command(batch, PostgreSqlText.InsertBookmark, b.Id, b.InstanceId, b.ActivityId, b.ActivityType, b.Kind, b.Key, b.CorrelationId,
                b.PayloadJson, UtcTicks.From(b.CreatedAt), UtcTicks.From(b.ResumeAt));
            if (b.Task is { } task) Command(batch, PostgreSqlText.InsertTask, TaskTable.Values(b, task));
        }

        foreach (var j in write.Journal)
        {
            Command(batch, PostgreSqlText.InsertJournal, j.InstanceId, j.Sequence, j.ActivityId, j.ActivityType, j.ActivityName, j.EventName,
                UtcTicks.From(j.StartedAt), UtcTicks.From(j.CompletedAt), j.Outcome, j.Summary, j.Tags, j.Actor, j.Data);
        }

        foreach (var f in write.AddedFaults)
        {
            Command(batch, PostgreSqlText.InsertFault, f.Id, f.InstanceId, f.ActivityId, f.ActivityType, f.Message, f.ExceptionType,
                UtcTicks.From(f.OccurredAt), UtcTicks.From(f.ResolvedAt));
        }

        foreach (var faultId in write.ResolvedFaultIds) Command(batch, PostgreSqlText.ResolveFault, faultId, i.Id, UtcTicks.From(i.UpdatedAt));

        foreach (var r in write.Records) AddRecord(batch, r, recordGuards);

        foreach (var o in write.Outbox) AddOutbox(batch, o);

        if (write.ClearAttempts) Command(batch, PostgreSqlText.ClearAttempts, i.Id);
    }

    public async Task WriteRecordsAsync(IReadOnlyList<RecordWrite> records, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(outbox);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch();
        foreach (var r in records) AddRecord(batch, r, null);
        foreach (var o in outbox) AddOutbox(batch, o);
        if (batch.BatchCommands.Count == 0) return;
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One batch is one implicit transaction: every row or none.
            batch.Connection = connection;
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddOutbox(NpgsqlBatch batch, OutboxRecord o) =>
        Command(batch, PostgreSqlText.InsertOutbox, o.Id, o.Kind, o.InstanceId, o.PayloadJson, UtcTicks.From(o.CreatedAt),
            UtcTicks.From(o.AvailableAt), o.Attempts, o.LastError);

    /// <summary>The record's row, its links and its history row (<see cref="RecordTable.Statements"/>).</summary>
    private static void AddRecord(NpgsqlBatch batch, RecordWrite r, Dictionary<NpgsqlBatchCommand, RecordWrite>? recordGuards)
    {
        foreach (var (statement, values) in RecordTable.Statements(r))
        {
            var command = Command(batch, PostgreSqlText.RecordStatements[(int)statement], values);
            if (statement is (RecordStatement.Upsert or RecordStatement.UpsertExisting) && r.ExpectedVersion is not null && recordGuards is not null)
                recordGuards[command] = r;
        }
    }

    public async Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return await DeleteInstancesAsync([instanceId], cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> DeleteFinishedInstancesAsync(DateTimeOffset finishedBefore, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var ids = await _lists.FinishedInstanceIdsAsync(UtcTicks.From(finishedBefore), batchSize, cancellationToken).ConfigureAwait(false);
        return ids.Count == 0 ? 0 : await DeleteInstancesAsync([.. ids], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes instances and everything hanging off them in one transaction; returns the instance rows deleted.</summary>
    private async Task<int> DeleteInstancesAsync(string[] ids, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch();
        foreach (var sql in (string[])[PostgreSqlText.DeleteTasksOfInstance, PostgreSqlText.DeleteBookmarksOfInstance,
                     PostgreSqlText.DeleteJournalOfInstance, PostgreSqlText.DeleteFaultsOfInstance, PostgreSqlText.DeleteInstances])
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = ids } } });
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            batch.Connection = connection;
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return batch.BatchCommands[^1].RecordsAffected;
        }
    }

    public async Task<InstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return (await ReadAsync(PostgreSqlText.FindInstance, RecordReader.Instance, cancellationToken, instanceId).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<BookmarkRecord?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookmarkId);
        return (await ReadAsync(PostgreSqlText.FindBookmark, RecordReader.Bookmark, cancellationToken, bookmarkId).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <remarks>
    /// <paramref name="key"/> is part of the bookmark's identity: <c>null</c> matches bookmarks without a key.
    /// <paramref name="correlationId"/> and <paramref name="instanceId"/> narrow the result only when given.
    /// </remarks>
    public async Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(
        string kind, string? key, string? correlationId, string? instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var shape = (key is null ? 0 : 1) | (correlationId is null ? 0 : 2) | (instanceId is null ? 0 : 4);
        object?[] values = [kind, .. new[] { key, correlationId, instanceId }.Where(v => v is not null)];
        return await ReadAsync(FindBookmarksSql[shape], RecordReader.Bookmark, cancellationToken, values).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListBookmarksOfInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return await ReadAsync(PostgreSqlText.ListBookmarksOfInstance, RecordReader.Bookmark, cancellationToken, instanceId).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListBookmarksOfKindAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return await ReadAsync(PostgreSqlText.ListBookmarksOfKind, RecordReader.Bookmark, cancellationToken, kind).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListTimerBookmarksAsync(CancellationToken cancellationToken)
        => await ReadAsync(PostgreSqlText.ListTimerBookmarks, RecordReader.Bookmark, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<BookmarkRecord>> ListDueTimersAsync(DateTimeOffset dueBefore, int max, CancellationToken cancellationToken)
        => await ReadAsync(PostgreSqlText.ListDueTimers, RecordReader.Bookmark, cancellationToken,
            UtcTicks.From(dueBefore), (int)InstanceStatus.Faulted, (long)max).ConfigureAwait(false);

    public async Task<IReadOnlyList<OutboxRecord>> ClaimOutboxAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
        => await ReadAsync(PostgreSqlText.ClaimOutbox, RecordReader.Outbox, cancellationToken,
            UtcTicks.From(now), UtcTicks.From(leaseUntil), (long)max).ConfigureAwait(false);

    public async Task<bool> CompleteOutboxAsync(string id, CancellationToken cancellationToken)
        => await ExecuteAsync(PostgreSqlText.DeleteOutbox, cancellationToken, id).ConfigureAwait(false) == 1;

    public Task FailOutboxAsync(string id, DateTimeOffset retryAt, string lastError, CancellationToken cancellationToken)
        => ExecuteAsync(PostgreSqlText.FailOutbox, cancellationToken, id, UtcTicks.From(retryAt), lastError);

    public async Task<long> ReserveNumbersAsync(string counter, int count, CancellationToken cancellationToken)
        => (await ReadAsync(PostgreSqlText.ReserveNumbers, static r => r.GetInt64(0), cancellationToken, counter, (long)count).ConfigureAwait(false))[0];

    public async Task<int> CountAttemptAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken)
        => (await ReadAsync(PostgreSqlText.CountAttempt, static r => r.GetInt32(0), cancellationToken, instanceId, UtcTicks.From(at)).ConfigureAwait(false))[0];

    public async Task<StoredRecord?> FindRecordAsync(string recordType, string recordId, CancellationToken cancellationToken)
        => (await ReadAsync(PostgreSqlText.FindRecord, RecordReader.Record, cancellationToken, recordType, recordId).ConfigureAwait(false)).FirstOrDefault();

    public async Task<(IReadOnlyList<StoredRecord> Items, int Total)> ListRecordsAsync(string recordType, int skip, int take, CancellationToken cancellationToken)
    {
        var items = await ReadAsync(PostgreSqlText.ListRecords, RecordReader.Record, cancellationToken,
            recordType, (long)Math.Clamp(take, 1, EfStoreLists.MaxPageSize), (long)Math.Max(0, skip)).ConfigureAwait(false);
        var total = await CountAsync(PostgreSqlText.CountRecords, cancellationToken, recordType).ConfigureAwait(false);
        return (items, total);
    }

    public async Task<(IReadOnlyList<OutboxRecord> Items, int Total)> ListOutboxAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var items = await ReadAsync(PostgreSqlText.ListOutbox, RecordReader.Outbox, cancellationToken,
            (long)Math.Clamp(take, 1, EfStoreLists.MaxPageSize), (long)Math.Max(0, skip)).ConfigureAwait(false);
        var total = await CountAsync(PostgreSqlText.CountOutbox, cancellationToken).ConfigureAwait(false);
        return (items, total);
    }

    public async Task<IReadOnlyList<JournalRecord>> ListJournalAsync(string instanceId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (take <= 0) return [];
        return await ReadAsync(PostgreSqlText.ListJournal, RecordReader.Journal, cancellationToken, instanceId, (long)take, (long)Math.Max(0, skip)).ConfigureAwait(false);
    }

    public Task<int> CountJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return CountAsync(PostgreSqlText.CountJournal, cancellationToken, instanceId);
    }

    public async Task<IReadOnlyList<FaultRecord>> ListFaultsAsync(string instanceId, bool includeResolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return await ReadAsync(includeResolved ? PostgreSqlText.ListFaults : PostgreSqlText.ListOpenFaults, RecordReader.Fault, cancellationToken, instanceId).ConfigureAwait(false);
    }

    public async Task<InstancePage> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await _lists.ListInstancesAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListTasksAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await _lists.ListTasksAsync(query, cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand Command(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        batch.BatchCommands.Add(command);
        return command;
    }

    // Typed parameters: a null still says its type, so the server never has to guess one (and prepared plans stay stable).
    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown },
        string text => new NpgsqlParameter<string> { TypedValue = text },
        long number => new NpgsqlParameter<long> { TypedValue = number },
        int number => new NpgsqlParameter<int> { TypedValue = number },
        _ => throw new ArgumentException($"No PostgreSQL binding for {value.GetType().Name}.", nameof(value)),
    };

    private async Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(map(reader));
        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> CountAsync(string sql, CancellationToken cancellationToken, params object?[] values)
        => (int)(await ReadAsync(sql, static r => r.GetInt64(0), cancellationToken, values).ConfigureAwait(false))[0];

    private ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
        => _initializer.IsInitialized ? ValueTask.CompletedTask : new ValueTask(_initializer.InitializeAsync(cancellationToken));
}
