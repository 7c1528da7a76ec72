using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itsm.Orchestrator.Runtime;

public static class StartupSeedingLockServiceCollectionExtensions
{
    /// <summary>The <see cref="IStartupSeedingLock"/> of the configured provider (safe to call more than once).</summary>
    public static IServiceCollection AddItsmStartupSeedingLock(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.PostgreSql) services.TryAddSingleton<IStartupSeedingLock, PostgreSqlSeedingLock>();
        else services.TryAddSingleton<IStartupSeedingLock, SingleNodeSeedingLock>();
        return services;
    }
}
