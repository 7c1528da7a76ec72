using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Where the SQLite database lives. Bound from the <c>Itsm</c> configuration section
/// (environment variable <c>Itsm__DataPath</c>).
/// </summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Itsm";

    public const string DatabaseFileName = "itsm.db";

    /// <summary>The data folder; a relative path is resolved against the current directory.</summary>
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
