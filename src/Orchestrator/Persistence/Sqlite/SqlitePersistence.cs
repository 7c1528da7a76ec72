using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>The SQLite provider's services: the context on the data folder's file, the group-commit store, its errors and setup.</summary>
internal static class SqlitePersistence
{
    // Stateless, so one instance serves every context the pool creates.
    private static readonly SqlitePragmaInterceptor PragmaInterceptor = new();

    public static IServiceCollection AddSqlitePersistence(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<ItsmDbContext>((provider, builder) =>
            Configure(builder, provider.GetRequiredService<IOptions<PersistenceOptions>>().Value));
        services.TryAddSingleton<SqliteWorkflowStore>();
        services.TryAddSingleton<IWorkflowStore>(provider => provider.GetRequiredService<SqliteWorkflowStore>());
        services.TryAddSingleton<IWorkflowQueries>(provider => provider.GetRequiredService<SqliteWorkflowStore>());
        services.TryAddSingleton<IDatabaseErrors, SqliteDatabaseErrors>();
        services.TryAddSingleton<IDatabaseSetup, SqliteDatabaseSetup>();
        services.TryAddSingleton<IDefinitionWriteLock, SqliteDefinitionWriteLock>();
        return services;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, PersistenceOptions options) =>
        builder
            .UseSqlite(options.ConnectionString)
            .AddInterceptors(PragmaInterceptor);
}
