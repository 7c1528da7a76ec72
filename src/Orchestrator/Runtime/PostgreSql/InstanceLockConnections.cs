using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Itsm.Orchestrator.Runtime.PostgreSql;

/// <summary>
/// The pool the instance locks hold their sessions on, apart from the store's: a run holds a lock connection from
/// before its load until after its commit, and its commit needs a store connection meanwhile — one shared pool
/// could be emptied by lock holders that all wait for a connection to commit.
/// </summary>
public sealed class InstanceLockConnections(IOptions<PersistenceOptions> persistence, IOptions<InstanceLockOptions> options) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => new NpgsqlDataSourceBuilder(
        new NpgsqlConnectionStringBuilder(persistence.Value.PostgreSqlConnectionString)
        {
            MaxPoolSize = options.Value.MaxConnections,
            ApplicationName = "itsm-instance-locks",
        }.ConnectionString).Build());

    public NpgsqlDataSource DataSource => _dataSource.Value;

    public ValueTask DisposeAsync() => _dataSource.IsValueCreated ? _dataSource.Value.DisposeAsync() : ValueTask.CompletedTask;
}
