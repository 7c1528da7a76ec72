using Itsm.Orchestrator.Persistence.PostgreSql;
using Itsm.Orchestrator.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itsm.Orchestrator.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the persistence of the configured provider (<c>Itsm:Persistence:Provider</c>, SQLite by default):
    /// <see cref="PersistenceOptions"/> (section <c>Itsm</c>), a pooled <see cref="IDbContextFactory{ItsmDbContext}"/>
    /// plus a scoped <see cref="ItsmDbContext"/>, the <see cref="DatabaseInitializer"/> (also as a hosted service: call
    /// this before registering hosted services that read the database, or let the stores initialize on first use),
    /// <see cref="IWorkflowStore"/>, <see cref="IWorkflowQueries"/>, <see cref="IDatabaseErrors"/>,
    /// <see cref="IDatabaseSetup"/>, <see cref="IDefinitionStore"/> and the "database" health check.
    /// </summary>
    public static IServiceCollection AddItsmPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .Configure(o => o.PostgreSqlConnectionString ??= configuration.GetConnectionString(PersistenceOptions.ConnectionStringName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataPath), "Itsm:DataPath must not be empty.")
            .Validate(o => o.MaxUnitsPerTransaction > 0, "Itsm:MaxUnitsPerTransaction must be positive.")
            .Validate(o => o.BusyTimeoutSeconds >= 0, "Itsm:BusyTimeoutSeconds must not be negative.")
            .Validate(o => o.Provider != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.PostgreSqlConnectionString),
                "Itsm:Persistence:Provider is PostgreSql: set ConnectionStrings:Itsm (e.g. ConnectionStrings__Itsm=\"Host=…;Database=itsm;Username=…;Password=…\").")
            .ValidateOnStart();

        // The provider decides which services exist, so it is read here, before the container is built.
        var provider = configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.PostgreSql) services.AddPostgreSqlPersistence();
        else services.AddSqlitePersistence();

        // The health check (and any request-scoped code) resolves the context itself; it comes from the pool.
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<ItsmDbContext>>().CreateDbContext());

        services.TryAddSingleton<DatabaseInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseInitializer>());

        services.TryAddSingleton<EfDefinitionStore>();
        services.TryAddSingleton<IDefinitionStore>(provider => provider.GetRequiredService<EfDefinitionStore>());

        services.AddHealthChecks().AddDbContextCheck<ItsmDbContext>("database");
        return services;
    }
}
