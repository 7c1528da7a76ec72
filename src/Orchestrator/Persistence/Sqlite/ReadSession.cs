using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// A read connection with its prepared statements. Prepared statements belong to one connection, so the
/// store pools whole sessions (see <see cref="ReadSessionPool"/>) rather than bare connections: a resume
/// lookup is then bind + step, with no SQL parsing. Idle sessions hold no read transaction (readers are
/// reset after use), so they never block WAL checkpoints.
/// </summary>
internal sealed class ReadSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);

    public ReadSession(string connectionString) => _connection = SqliteConnections.Open(connectionString);

    /// <summary>The prepared statement for <paramref name="sql"/>, compiled on first use in this session.</summary>
    public PreparedStatement Statement(string sql, int parameterCount)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new PreparedStatement(_connection, sql, parameterCount);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _connection.Dispose();
    }
}
