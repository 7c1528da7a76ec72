using System.Net;
using Itsm.Orchestrator.Security;
using Itsm.Orchestrator.Tests.Support;
using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>Two hosts starting together on one empty PostgreSQL database (PostgreSQL only).</summary>
public sealed class TwoNodeStartupTests
{
    [Fact]
    public async Task Two_nodes_starting_together_on_an_empty_database_both_start_and_seed_once()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var a = Node(database);
        await using var b = Node(database);

        // Reading Services builds and starts a host: both at once, racing through migrations and seeding.
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        (await a.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await b.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync(database, "SELECT count(*) FROM \"Users\"")).Should().Be(1, "one generated admin");
        var shipped = Directory.GetFiles(RepositoryWorkflows(), "*.json").Length;
        (await CountAsync(database, "SELECT count(*) FROM \"Definitions\"")).Should().Be(shipped, "each shipped file imported once");
        new[] { a.DataPath, b.DataPath }.Count(path => File.Exists(Path.Combine(path, SecurityBootstrapper.AdminPasswordFileName)))
            .Should().Be(1, "only the node that created the admin generated its password");
    }

    private static ItsmAppFactory Node(PostgreSqlTestDatabase database)
    {
        var node = new ItsmAppFactory();
        node.Settings["Itsm:Persistence:Provider"] = "PostgreSql";
        node.Settings["ConnectionStrings:Itsm"] = database.ConnectionString;
        node.Settings["Itsm:AdminPassword"] = ""; // generated, as on a real first start
        return node;
    }

    private static string RepositoryWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "workflows")) && File.Exists(Path.Combine(dir.FullName, "Itsm.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("The repository's workflows folder.");
    }

    private static async Task<long> CountAsync(PostgreSqlTestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
