using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Tests.Support;

public static partial class TestDatabase
{
    /// <summary>This project runs every test on SQLite; Itsm.Orchestrator.PostgreSql.Tests compiles the same sources on PostgreSQL.</summary>
    private static DatabaseProvider ProviderUnderTest => DatabaseProvider.Sqlite;
}
