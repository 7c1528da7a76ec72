using Itsm.Orchestrator.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Tests.Persistence.Sqlite;

/// <summary>Only "a row with this key exists" reads as a unique violation; other constraint failures are bugs.</summary>
public sealed class SqliteDatabaseErrorsTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqliteDatabaseErrors _errors = new();

    public SqliteDatabaseErrorsTests()
    {
        _connection.Open();
        Execute("CREATE TABLE t (id TEXT PRIMARY KEY, name TEXT UNIQUE, v TEXT NOT NULL)");
        Execute("INSERT INTO t VALUES ('a', 'alice', 'x')");
    }

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData("INSERT INTO t VALUES ('b', 'alice', 'x')")]
    [InlineData("INSERT INTO t VALUES ('a', 'bob', 'x')")]
    public void A_duplicate_key_is_a_unique_violation_also_when_wrapped_by_ef(string sql)
    {
        var failure = Failure(sql);

        _errors.IsUniqueViolation(failure).Should().BeTrue();
        _errors.IsUniqueViolation(new DbUpdateException("save failed", failure)).Should().BeTrue();
    }

    [Fact]
    public void A_not_null_failure_or_another_exception_is_no_unique_violation()
    {
        _errors.IsUniqueViolation(new DbUpdateException("save failed", Failure("INSERT INTO t VALUES ('c', 'carol', NULL)"))).Should().BeFalse();
        _errors.IsUniqueViolation(new InvalidOperationException("other")).Should().BeFalse();
    }

    private SqliteException Failure(string sql)
    {
        var act = () => Execute(sql);
        return act.Should().Throw<SqliteException>().Which;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
