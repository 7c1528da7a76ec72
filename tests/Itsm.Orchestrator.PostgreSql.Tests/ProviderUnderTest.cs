using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Tests.Support;

public static partial class TestDatabase
{
    /// <summary>This project runs the Itsm.Orchestrator.Tests sources with every host on PostgreSQL.</summary>
    private static DatabaseProvider ProviderUnderTest => DatabaseProvider.PostgreSql;
}
