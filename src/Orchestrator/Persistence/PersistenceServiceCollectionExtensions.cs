using Itsm.Orchestrator.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    // Stateless, so one instance serves every context the pool creates.
    private static readonly SqlitePragmaInterceptor PragmaInterceptor = new();

    /// <summary>
    /// Registers the SQLite persistence: <see cref="PersistenceOptions"/> (section <c>Itsm</c>), a pooled
    /// <see cref="IDbContextFactory{ItsmDbContext}"/> plus a scoped <see cref="ItsmDbContext"/>, the
    /// <see cref="DatabaseInitializer"/> (also as a hosted service: call this before registering hosted services
    /// that read the database, or let the stores initialize on first use), <see cref="IWorkflowStore"/>,
    /// <see cref="IWorkflowQueries"/>, <see cref="IDatabaseErrors"/>,
    /// <see cref="IDefinitionStore"/> and the "database" health check.
    /// </summary>
    public static IServiceCollection AddItsmPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataPath), "Itsm:DataPath must not be empty.")
            .Validate(o => o.MaxUnitsPerTransaction > 0, "Itsm:MaxUnitsPerTransaction must be positive.")
            .Validate(o => o.BusyTimeoutSeconds >= 0, "Itsm:BusyTimeoutSeconds must not be negative.");

        services.AddPooledDbContextFactory<ItsmDbContext>((provider, builder) =>
            Configure(builder, provider.GetRequiredService<IOptions<PersistenceOptions>>().Value));
        // The health check (and any request-scoped code) resolves the context itself; it comes from the pool.
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<ItsmDbContext>>().CreateDbContext());

        services.TryAddSingleton<DatabaseInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseInitializer>());

        services.TryAddSingleton<SqliteWorkflowStore>();
        services.TryAddSingleton<IWorkflowStore>(provider => provider.GetRequiredService<SqliteWorkflowStore>());
        services.TryAddSingleton<IWorkflowQueries>(provider => provider.GetRequiredService<SqliteWorkflowStore>());
        services.TryAddSingleton<IDatabaseErrors, SqliteDatabaseErrors>();
        services.TryAddSingleton<EfDefinitionStore>();
        services.TryAddSingleton<IDefinitionStore>(provider => provider.GetRequiredService<EfDefinitionStore>());

        services.AddHealthChecks().AddDbContextCheck<ItsmDbContext>("database");
        return services;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, PersistenceOptions options) =>
        builder
            .UseSqlite(options.ConnectionString)
            .AddInterceptors(PragmaInterceptor);
}
