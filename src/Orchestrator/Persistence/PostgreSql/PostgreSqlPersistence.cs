using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// The PostgreSQL provider's services: one pooled <see cref="NpgsqlDataSource"/> for every component, the context
/// (handed out as <see cref="ItsmDbContext"/>), the store, its errors and setup.
/// </summary>
internal static class PostgreSqlPersistence
{
    public static IServiceCollection AddPostgreSqlPersistence(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            var builder = new NpgsqlDataSourceBuilder(settings.PostgreSqlConnectionString);
            // The store's fixed statements repeat on every commit and resume: let Npgsql prepare them per connection
            // (unless the connection string says otherwise), so the server parses and plans each once.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            return builder.Build();
        });
        services.AddPooledDbContextFactory<PostgreSqlDbContext>((provider, builder) =>
            builder.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IDbContextFactory<ItsmDbContext>, ItsmContexts>();
        services.TryAddSingleton<PostgreSqlWorkflowStore>();
        services.TryAddSingleton<IWorkflowStore>(provider => provider.GetRequiredService<PostgreSqlWorkflowStore>());
        services.TryAddSingleton<IWorkflowQueries>(provider => provider.GetRequiredService<PostgreSqlWorkflowStore>());
        services.TryAddSingleton<IDatabaseErrors, PostgreSqlDatabaseErrors>();
        services.TryAddSingleton<IDatabaseSetup, PostgreSqlDatabaseSetup>();
        services.TryAddSingleton<IDefinitionWriteLock, PostgreSqlDefinitionWriteLock>();
        return services;
    }

    /// <summary>Hands out the pooled PostgreSQL contexts to code that asks for the model's base type.</summary>
    private sealed class ItsmContexts(IDbContextFactory<PostgreSqlDbContext> contexts) : IDbContextFactory<ItsmDbContext>
    {
        public ItsmDbContext CreateDbContext() => contexts.CreateDbContext();

        public async Task<ItsmDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
            => await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }
}
