using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// A compiled SQLite statement reused for every execution: parameters are positional (<c>@p0</c>, <c>@p1</c>, ...)
/// and only their values change, so SQLite never re-parses the SQL on the hot path.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedStatement(SqliteConnection connection, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter("@p" + i, DBNull.Value));
        }

        _command.Prepare();
    }

    public PreparedStatement Set(int index, string? value)
    {
        _parameters[index].Value = value is null ? DBNull.Value : value;
        return this;
    }

    public PreparedStatement Set(int index, long value)
    {
        _parameters[index].Value = value;
        return this;
    }

    public PreparedStatement Set(int index, long? value)
    {
        _parameters[index].Value = value is { } v ? v : DBNull.Value;
        return this;
    }

    public int ExecuteNonQuery() => _command.ExecuteNonQuery();

    public object? ExecuteScalar() => _command.ExecuteScalar();

    public SqliteDataReader ExecuteReader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
