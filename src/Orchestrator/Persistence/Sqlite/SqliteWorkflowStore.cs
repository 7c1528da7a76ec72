using System.Diagnostics.CodeAnalysis;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// <see cref="IWorkflowStore"/> and <see cref="IWorkflowQueries"/> on SQLite. Writes go through one <see cref="GroupCommitWriter"/> (group commit,
/// prepared statements, a savepoint per unit). The resume hot path (<see cref="FindInstanceAsync"/>,
/// <see cref="FindBookmarkAsync"/>, <see cref="FindBookmarksAsync"/>) and the other fixed-shape reads use
/// pooled read sessions with prepared statements; the filtered lists use EF Core no-tracking queries.
/// Register as a singleton; disposing it drains the writer.
/// </summary>
public sealed class SqliteWorkflowStore : IWorkflowStore, IWorkflowQueries, IAsyncDisposable, IDisposable
{
    private const int MaxPageSize = EfStoreLists.MaxPageSize;

    // Indexed by (hasKey ? 1 : 0) | (hasCorrelation ? 2 : 0) | (hasInstance ? 4 : 0).
    private static readonly string[] FindBookmarksSql =
        [.. Enumerable.Range(0, 8).Select(i => SqlText.FindBookmarks((i & 1) != 0, (i & 2) != 0, (i & 4) != 0))];

    private readonly PersistenceOptions _options;
    private readonly EfStoreLists _lists;
    private readonly DatabaseInitializer _initializer;
    private readonly GroupCommitWriter _writer;
    private readonly ReadSessionPool _readers;
    private int _disposed;

    public SqliteWorkflowStore(
        IOptions<PersistenceOptions> options,
        IDbContextFactory<ItsmDbContext> contexts,
        DatabaseInitializer initializer,
        ILogger<SqliteWorkflowStore> logger)
    {
        _options = options.Value;
        _lists = new EfStoreLists(contexts);
        _initializer = initializer;
        // The writer and read sessions own their connections for the store's lifetime: pooling adds nothing.
        var dedicated = _options.BuildConnectionString(pooling: false);
        _writer = new GroupCommitWriter(dedicated, _options.MaxUnitsPerTransaction, logger);
        _readers = new ReadSessionPool(dedicated, maxIdle: Math.Max(4, Environment.ProcessorCount * 2));
    }

    /// <summary>Group-commit transactions so far (diagnostics, tests and benchmarks).</summary>
    internal long CommittedTransactions => _writer.CommittedTransactions;

    public async Task CommitAsync(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await _writer.WriteAsync(new CommitUnit(writes, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return await _writer.WriteAsync(new DeleteInstanceUnit(instanceId, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteFinishedInstancesAsync(DateTimeOffset finishedBefore, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = UtcTicks.From(finishedBefore);
        var ids = await _lists.FinishedInstanceIdsAsync(cutoff, batchSize, cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0) return 0;
        return await _writer.WriteAsync(new DeleteInstancesUnit(ids, cancellationToken), cancellationToken).ConfigureAwait(false) ? ids.Count : 0;
    }

    public async Task<InstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(instanceId, static (session, id) =>
        {
            using var reader = session.Statement(SqlText.FindInstance, 1).Set(0, id).ExecuteReader();
            return reader.Read() ? RecordReader.Instance(reader) : null;
        });
    }

    public async Task<BookmarkRecord?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookmarkId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(bookmarkId, static (session, id) =>
        {
            using var reader = session.Statement(SqlText.FindBookmark, 1).Set(0, id).ExecuteReader();
            return reader.Read() ? RecordReader.Bookmark(reader) : null;
        });
    }

    /// <remarks>
    /// <paramref name="key"/> is part of the bookmark's identity: <c>null</c> matches bookmarks without a key.
    /// <paramref name="correlationId"/> and <paramref name="instanceId"/> narrow the result only when given.
    /// </remarks>
    public async Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(
        string kind, string? key, string? correlationId, string? instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read((kind, key, correlationId, instanceId), static (session, filter) =>
        {
            var shape = (filter.key is null ? 0 : 1) | (filter.correlationId is null ? 0 : 2) | (filter.instanceId is null ? 0 : 4);
            var parameterCount = 1 + (shape & 1) + ((shape >> 1) & 1) + ((shape >> 2) & 1);
            var statement = session.Statement(FindBookmarksSql[shape], parameterCount).Set(0, filter.kind);
            var next = 1;
            if (filter.key is not null)
            {
                statement.Set(next++, filter.key);
            }

            if (filter.correlationId is not null)
            {
                statement.Set(next++, filter.correlationId);
            }

            if (filter.instanceId is not null)
            {
                statement.Set(next, filter.instanceId);
            }

            return ReadAll(statement, RecordReader.Bookmark);
        });
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListBookmarksOfInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(instanceId, static (session, id) =>
            ReadAll(session.Statement(SqlText.ListBookmarksOfInstance, 1).Set(0, id), RecordReader.Bookmark));
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListBookmarksOfKindAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(kind, static (session, k) =>
            ReadAll(session.Statement(SqlText.ListBookmarksOfKind, 1).Set(0, k), RecordReader.Bookmark));
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListTimerBookmarksAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(0, static (session, _) =>
            ReadAll(session.Statement(SqlText.ListTimerBookmarks, 0), RecordReader.Bookmark));
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListDueTimersAsync(DateTimeOffset dueBefore, int max, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read((dueBefore, max), static (session, q) => ReadAll(
            session.Statement(SqlText.ListDueTimers, 3).Set(0, UtcTicks.From(q.dueBefore)).Set(1, (long)Itsm.Activities.Model.InstanceStatus.Faulted).Set(2, q.max),
            RecordReader.Bookmark));
    }

    public async Task<IReadOnlyList<OutboxRecord>> ClaimOutboxAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
        => await WriteAsync(statements => statements.ClaimOutbox(now, leaseUntil, max), cancellationToken).ConfigureAwait(false) ?? [];

    public Task WriteRecordsAsync(IReadOnlyList<RecordWrite> records, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(outbox);
        return WriteAsync(statements =>
        {
            foreach (var record in records) statements.WriteRecord(record);
            foreach (var item in outbox) statements.InsertOutbox(item);
            return true;
        }, cancellationToken);
    }

    public Task<bool> CompleteOutboxAsync(string id, CancellationToken cancellationToken)
        => WriteAsync(statements => statements.DeleteOutbox(id), cancellationToken);

    public Task FailOutboxAsync(string id, DateTimeOffset retryAt, string lastError, CancellationToken cancellationToken)
        => WriteAsync(statements => statements.FailOutbox(id, retryAt, lastError), cancellationToken);

    public Task<long> ReserveNumbersAsync(string counter, int count, CancellationToken cancellationToken)
        => WriteAsync(statements => statements.ReserveNumbers(counter, count), cancellationToken);

    public Task<int> CountAttemptAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken)
        => WriteAsync(statements => statements.CountAttempt(instanceId, at), cancellationToken);

    public async Task<(IReadOnlyList<OutboxRecord> Items, int Total)> ListOutboxAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read((skip: Math.Max(0, skip), take: Math.Clamp(take, 1, MaxPageSize)), static (session, page) =>
        {
            var items = ReadAll(session.Statement(SqlText.ListOutbox, 2).Set(0, page.take).Set(1, page.skip), RecordReader.Outbox);
            var total = Convert.ToInt32(session.Statement(SqlText.CountOutbox, 0).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return ((IReadOnlyList<OutboxRecord>)items, total);
        });
    }

    public async Task<StoredRecord?> FindRecordAsync(string recordType, string recordId, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read((recordType, recordId), static (session, key) =>
        {
            using var reader = session.Statement(SqlText.FindRecord, 2).Set(0, key.recordType).Set(1, key.recordId).ExecuteReader();
            return reader.Read() ? RecordReader.Record(reader) : null;
        });
    }

    public async Task<(IReadOnlyList<StoredRecord> Items, int Total)> ListRecordsAsync(string recordType, int skip, int take, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read((recordType, skip: Math.Max(0, skip), take: Math.Clamp(take, 1, MaxPageSize)), static (session, page) =>
        {
            var items = ReadAll(session.Statement(SqlText.ListRecords, 3).Set(0, page.recordType).Set(1, page.take).Set(2, page.skip), RecordReader.Record);
            var total = Convert.ToInt32(session.Statement(SqlText.CountRecords, 1).Set(0, page.recordType).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return ((IReadOnlyList<StoredRecord>)items, total);
        });
    }

    private async Task<T> WriteAsync<T>(Func<WriterStatements, T> apply, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var unit = new DelegateUnit<T>(apply, cancellationToken);
        await _writer.WriteAsync(unit, cancellationToken).ConfigureAwait(false);
        return unit.Result!;
    }

    public async Task<IReadOnlyList<JournalRecord>> ListJournalAsync(
        string instanceId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (take <= 0)
        {
            return [];
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read((instanceId, skip: Math.Max(0, skip), take), static (session, page) =>
            ReadAll(session.Statement(SqlText.ListJournal, 3).Set(0, page.instanceId).Set(1, page.take).Set(2, page.skip),
                RecordReader.Journal));
    }

    public async Task<int> CountJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(instanceId, static (session, id) =>
            Convert.ToInt32(session.Statement(SqlText.CountJournal, 1).Set(0, id).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<FaultRecord>> ListFaultsAsync(string instanceId, bool includeResolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var sql = includeResolved ? SqlText.ListFaults : SqlText.ListOpenFaults;
        return Read((instanceId, sql), static (session, q) =>
            ReadAll(session.Statement(q.sql, 1).Set(0, q.instanceId), RecordReader.Fault));
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

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Pending commits are written before the writer stops (see GroupCommitWriter.DisposeAsync).
        await _writer.DisposeAsync().ConfigureAwait(false);
        _readers.Dispose();
        using var pooled = new SqliteConnection(_options.ConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static List<T> ReadAll<T>(PreparedStatement statement, Func<SqliteDataReader, T> map)
    {
        var results = new List<T>();
        using var reader = statement.ExecuteReader();
        while (reader.Read())
        {
            results.Add(map(reader));
        }

        return results;
    }

    /// <summary>
    /// Runs a read on a pooled session. Microsoft.Data.Sqlite has no real async I/O, so the read runs
    /// synchronously; a session whose command threw is closed rather than reused.
    /// </summary>
    private T Read<TState, T>(TState state, Func<ReadSession, TState, T> read)
    {
        var session = _readers.Rent();
        T result;
        try
        {
            result = read(session, state);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        _readers.Return(session);
        return result;
    }

    private ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _initializer.IsInitialized ? ValueTask.CompletedTask : new ValueTask(_initializer.InitializeAsync(cancellationToken));
    }
}
