using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// A statement of the group-commit writer, compiled once and bound by position straight through SQLitePCL.
/// Microsoft.Data.Sqlite re-resolves every named parameter and creates a data reader per execution; on the single
/// writer thread — the ceiling of persisted starts — that overhead cost as much as SQLite's own work (profiled).
/// Reads keep the ADO.NET path (<see cref="PreparedStatement"/>).
/// </summary>
internal sealed class WriterStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    // Positions of @p0, @p1, … in the compiled statement (SQLite numbers named parameters by first appearance).
    private readonly int[] _positions;

    public WriterStatement(SqliteConnection connection, string sql, int parameterCount)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _positions = new int[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _positions[i] = raw.sqlite3_bind_parameter_index(_statement, "@p" + i);
            if (_positions[i] == 0) throw new ArgumentException($"Parameter @p{i} does not occur in: {sql}", nameof(sql));
        }
    }

    public WriterStatement Set(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, _positions[index]) : raw.sqlite3_bind_text(_statement, _positions[index], value));
        return this;
    }

    public WriterStatement Set(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, _positions[index], value));
        return this;
    }

    public WriterStatement Set(int index, long? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, _positions[index], v) : raw.sqlite3_bind_null(_statement, _positions[index]));
        return this;
    }

    /// <summary>Binds a column value declared elsewhere (<see cref="TableColumn{TRow}"/>): text, an integer or null.</summary>
    public WriterStatement Set(int index, object? value) => value switch
    {
        null => Set(index, (string?)null),
        string text => Set(index, text),
        long number => Set(index, number),
        int number => Set(index, (long)number),
        _ => throw new ArgumentException($"No SQLite binding for {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>Runs the statement; returns the rows it changed. Failures surface as <see cref="SqliteException"/>.</summary>
    public int ExecuteNonQuery()
    {
        var result = raw.sqlite3_step(_statement);
        if (result is raw.SQLITE_DONE or raw.SQLITE_ROW)
        {
            raw.sqlite3_reset(_statement);
            return raw.sqlite3_changes(_database);
        }

        // Read the error before the reset: the message belongs to the failed step.
        var error = Error(result);
        raw.sqlite3_reset(_statement);
        throw error;
    }

    /// <summary>Runs a statement that returns at most one integer (RETURNING); null when it returned no row.</summary>
    public long? ExecuteReturning()
    {
        var result = raw.sqlite3_step(_statement);
        if (result is raw.SQLITE_DONE or raw.SQLITE_ROW)
        {
            long? value = result == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : null;
            raw.sqlite3_reset(_statement);
            return value;
        }

        var error = Error(result);
        raw.sqlite3_reset(_statement);
        throw error;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK) throw Error(result);
    }

    private SqliteException Error(int result)
        => new(raw.sqlite3_errmsg(_database).utf8_to_string(), result, raw.sqlite3_extended_errcode(_database));
}
