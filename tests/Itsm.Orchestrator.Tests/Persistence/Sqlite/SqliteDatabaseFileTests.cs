using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Tests.Persistence.Sqlite;

/// <summary>SQLite's side of start-up: the database file in the data folder, in WAL mode, fully migrated.</summary>
public sealed class SqliteDatabaseFileTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Initializer_creates_the_data_folder_enables_wal_and_applies_migrations()
    {
        var dataPath = Path.Combine(_folder.Path, "nested", "data");
        await using var host = await PersistenceHost.StartAsync(dataPath);

        var options = host.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        options.DatabasePath.Should().Be(Path.Combine(dataPath, "itsm.db"));
        File.Exists(options.DatabasePath).Should().BeTrue();

        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        (await ScalarAsync(connection, "PRAGMA journal_mode")).Should().Be("wal");
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain(["Instances", "Bookmarks", "Journal", "Faults", "Definitions", "__EFMigrationsHistory"]);

        await using var context = await host.Services.GetRequiredService<IDbContextFactory<ItsmDbContext>>().CreateDbContextAsync();
        (await context.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await context.Database.GetAppliedMigrationsAsync()).Should().ContainSingle(m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_data_path_resolves_against_the_current_directory()
    {
        var options = new PersistenceOptions { DataPath = "some-data" };

        options.DatabasePath.Should().Be(Path.Combine(Directory.GetCurrentDirectory(), "some-data", "itsm.db"));
        new PersistenceOptions().DataPath.Should().Be("data");
        new SqliteConnectionStringBuilder(options.ConnectionString).DataSource.Should().Be(options.DatabasePath);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
