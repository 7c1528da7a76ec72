using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itsm.Orchestrator.Runtime.PostgreSql;

/// <summary>The runtime's PostgreSQL services: instance locks that hold across every node on the database.</summary>
internal static class PostgreSqlRuntime
{
    public static IServiceCollection AddPostgreSqlRuntime(this IServiceCollection services)
    {
        services.AddOptions<InstanceLockOptions>().BindConfiguration(InstanceLockOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<InstanceLockConnections>();
        services.TryAddSingleton(provider => new PostgreSqlInstanceLocks(
            provider.GetRequiredService<InstanceLocks>(),
            provider.GetRequiredService<InstanceLockConnections>().DataSource,
            provider.GetRequiredService<ILogger<PostgreSqlInstanceLocks>>()));
        services.TryAddSingleton<IInstanceLocks>(provider => provider.GetRequiredService<PostgreSqlInstanceLocks>());
        return services;
    }
}
