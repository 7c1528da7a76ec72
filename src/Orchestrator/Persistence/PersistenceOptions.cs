using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Which database, and where. Bound from the <c>Itsm</c> configuration section (environment variables
/// <c>Itsm__DataPath</c>, <c>Itsm__Persistence__Provider</c>); the PostgreSQL connection string is
/// <c>ConnectionStrings:Itsm</c>.
/// </summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Itsm";

    public const string DatabaseFileName = "itsm.db";

    /// <summary>The name under <c>ConnectionStrings</c> of the PostgreSQL connection string.</summary>
    public const string ConnectionStringName = "Itsm";

    /// <summary><c>Itsm:Persistence</c>: the provider.</summary>
    public ProviderSettings Persistence { get; set; } = new();

    /// <summary>The provider (<c>Itsm:Persistence:Provider</c>).</summary>
    public DatabaseProvider Provider => Persistence.Provider;

    /// <summary><c>ConnectionStrings:Itsm</c>, used when the provider is PostgreSQL.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>The data folder (the SQLite database, and files either provider keeps locally); a relative path is resolved against the current directory.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// Most commit units the group writer puts in one SQLite transaction. Bigger batches amortise the
    /// fsync further but make every caller in the batch wait for the slowest unit.
    /// </summary>
    public int MaxUnitsPerTransaction { get; set; } = 256;

    /// <summary>Seconds a connection retries while another connection holds the write lock (SQLITE_BUSY).</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>The absolute data folder.</summary>
    public string DataDirectory => Path.GetFullPath(DataPath);

    /// <summary>The absolute path of <see cref="DatabaseFileName"/> in <see cref="DataDirectory"/>.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);

    /// <summary>The connection string every component uses (pooled; retries on SQLITE_BUSY).</summary>
    public string ConnectionString => BuildConnectionString(pooling: true);

    internal string BuildConnectionString(bool pooling) => new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = pooling,
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout elapses: this is the busy timeout.
        DefaultTimeout = BusyTimeoutSeconds,
    }.ToString();
}
