namespace Itsm.Orchestrator.Persistence;

/// <summary>The database Itsm runs on (<c>Itsm:Persistence:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data folder: one host, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Itsm</c>): any number of hosts on one database.</summary>
    PostgreSql,
}
