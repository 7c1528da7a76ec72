using System.Security.Cryptography;
using System.Text;
using Itsm.Orchestrator.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// The database every test host runs on: the provider under test (<see cref="Provider"/>, declared once per test
/// project in <c>ProviderUnderTest.cs</c>) and, on PostgreSQL, a fresh migrated database per data folder.
/// </summary>
/// <remarks>
/// On PostgreSQL the server comes from <c>ITSM_TEST_POSTGRES</c> (a connection string without Database), or else a
/// private cluster this process starts with <c>scripts/postgres-cluster.sh</c> and stops at exit. One template
/// database is migrated per process by the real <see cref="DatabaseInitializer"/>; each data folder then gets
/// <c>CREATE DATABASE … TEMPLATE</c> (milliseconds instead of a migration). The name follows from the data folder,
/// so a restart test that hands the folder to a second host opens the same database.
/// </remarks>
public static partial class TestDatabase
{
    private const string ServerVariable = "ITSM_TEST_POSTGRES";
    private const string DatabasePrefix = "itsm_test_";

    // Once per test process: a failure to reach or start PostgreSQL is cached, so every test fails with its message.
    private static readonly Lazy<PostgreSqlServer> Server = new(() => PostgreSqlServer.Start(ServerVariable, DatabasePrefix), LazyThreadSafetyMode.ExecutionAndPublication);

    public static DatabaseProvider Provider => ProviderUnderTest;

    public static bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>
    /// The configuration that puts a host on <paramref name="dataPath"/>'s database (creating it on PostgreSQL when
    /// it does not exist yet). Keys are configuration paths (<c>Itsm:Persistence:Provider</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataPath)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Itsm:Persistence:Provider"] = Provider.ToString(),
        };
        if (IsPostgreSql) settings["ConnectionStrings:Itsm"] = ConnectionStringFor(dataPath);
        return settings;
    }

    /// <summary>
    /// <see cref="SettingsFor"/> as environment variables for a child host (<c>Itsm__Persistence__Provider</c>,
    /// <c>ConnectionStrings__Itsm</c>), merged with <paramref name="extra"/> (which wins).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment(string dataPath, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = SettingsFor(dataPath).ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value ?? "", StringComparer.Ordinal);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) environment[key] = value;
        return environment;
    }

    /// <summary>
    /// The test PostgreSQL server (without Database), whatever the provider under test: for tests that are on PostgreSQL
    /// anyway, such as several hosts on one database.
    /// </summary>
    public static string PostgreSqlServerConnectionString => Server.Value.ConnectionString("postgres");

    /// <summary>The PostgreSQL connection string of <paramref name="dataPath"/>'s database, created from the template when missing.</summary>
    public static string ConnectionStringFor(string dataPath)
    {
        var name = DatabaseNameFor(dataPath);
        Server.Value.Ensure(name);
        return Server.Value.ConnectionString(name);
    }

    /// <summary>Drops <paramref name="dataPath"/>'s PostgreSQL database, if this process created one; closes pooled connections.</summary>
    public static void Release(string dataPath)
    {
        SqliteConnection.ClearAllPools();
        if (!IsPostgreSql) return;
        NpgsqlConnection.ClearAllPools();
        if (Server.IsValueCreated) Server.Value.Drop(DatabaseNameFor(dataPath));
    }

    /// <summary>A database name derived from the full data path: the same folder always names the same database.</summary>
    internal static string DatabaseNameFor(string dataPath)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataPath)));
        return DatabasePrefix + Convert.ToHexStringLower(hash)[..32];
    }
}
