using Itsm.Orchestrator.Persistence.PostgreSql;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Itsm.Orchestrator.Tests.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL's counterpart of SqliteDatabaseErrorsTests: only "a row with this key exists" (SQLSTATE 23505) reads as
/// a unique violation; other constraint failures are bugs.
/// </summary>
public sealed class PostgreSqlDatabaseErrorsTests : IAsyncLifetime
{
    private readonly TempDataFolder _folder = new();
    private readonly PostgreSqlDatabaseErrors _errors = new();
    private NpgsqlConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_folder.Path));
        await _connection.OpenAsync();
        await ExecuteAsync("CREATE TABLE t (id TEXT PRIMARY KEY, name TEXT UNIQUE, v TEXT NOT NULL)");
        await ExecuteAsync("INSERT INTO t VALUES ('a', 'alice', 'x')");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("INSERT INTO t VALUES ('b', 'alice', 'x')")]
    [InlineData("INSERT INTO t VALUES ('a', 'bob', 'x')")]
    public async Task A_duplicate_key_is_a_unique_violation_also_when_wrapped_by_ef(string sql)
    {
        var failure = await FailureAsync(sql);

        _errors.IsUniqueViolation(failure).Should().BeTrue();
        _errors.IsUniqueViolation(new DbUpdateException("save failed", failure)).Should().BeTrue();
    }

    [Fact]
    public async Task A_not_null_failure_or_another_exception_is_no_unique_violation()
    {
        _errors.IsUniqueViolation(new DbUpdateException("save failed", await FailureAsync("INSERT INTO t VALUES ('c', 'carol', NULL)"))).Should().BeFalse();
        _errors.IsUniqueViolation(new InvalidOperationException("other")).Should().BeFalse();
    }

    private async Task<PostgresException> FailureAsync(string sql)
    {
        var act = () => ExecuteAsync(sql);
        return (await act.Should().ThrowAsync<PostgresException>()).Which;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync();
    }
}
