using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itsm.Orchestrator.Runtime.PostgreSql;

/// <summary>The runtime's PostgreSQL services: instance locks that hold across every node on the database.</summary>
internal static class PostgreSqlRuntime
{
    public static IServiceCollection AddPostgreSqlRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton<PostgreSqlInstanceLocks>();
        services.TryAddSingleton<IInstanceLocks>(provider => provider.GetRequiredService<PostgreSqlInstanceLocks>());
        return services;
    }
}
