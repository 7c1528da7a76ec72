using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itsm.Orchestrator.Definitions.PostgreSql;

/// <summary>Definition changes reach every node on one PostgreSQL database: a broadcaster here, a listener there.</summary>
internal static class PostgreSqlDefinitionSync
{
    /// <summary>Call after the compiled cache and trigger index are registered as lifecycle handlers.</summary>
    public static IServiceCollection AddPostgreSqlDefinitionSync(this IServiceCollection services)
    {
        services.AddOptions<DefinitionSyncOptions>().BindConfiguration(DefinitionSyncOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxReconnectDelay >= o.ReconnectDelay, "Itsm:Definitions:Sync:MaxReconnectDelay must be at least ReconnectDelay.")
            .ValidateOnStart();
        services.TryAddSingleton<DefinitionChangeChannel>();
        services.AddSingleton<IDefinitionLifecycleHandler, PostgreSqlDefinitionBroadcaster>();
        services.AddHostedService<PostgreSqlDefinitionListener>();
        return services;
    }
}
