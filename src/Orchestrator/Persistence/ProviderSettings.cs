namespace Itsm.Orchestrator.Persistence;

/// <summary>The <c>Itsm:Persistence</c> section: which database the host runs on.</summary>
public sealed class ProviderSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
