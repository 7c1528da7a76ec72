using Hangfire;
using Hangfire.InMemory;
using Itsm.Orchestrator.Hosting;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Timers.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>
    /// Durable timers on Hangfire. On SQLite (one node) Hangfire's storage is in memory: the due times live in Itsm's
    /// database and <see cref="TimerHorizon"/> arms the near ones from it. On PostgreSQL (any number of nodes) it is
    /// Hangfire's PostgreSQL storage in the same database, so any node's workers fire a timer armed by any node, and
    /// <see cref="PostgreSqlTimerCluster"/> lets one node at a time scan the horizon.
    /// </summary>
    public static IServiceCollection AddItsmTimers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimerOptions>().Bind(configuration.GetSection(TimerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<NodeIdentity>();
        // The provider decides which storage exists, so it is read here, as the persistence does.
        var databaseProvider = configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        // Hangfire.NetCore registers its storage and job activator as whatever the process-wide statics
        // (JobStorage.Current, JobActivator.Current) hold when they are first resolved. Where several hosts share a process
        // (the test suite, a host restarted in place), another host may have configured Hangfire in between: seen on
        // PostgreSQL test runs, a host's workers activated its timer jobs through a stopped host's disposed services, so
        // every attempt failed and the Delay never resumed. Each host registers its own first (Hangfire only TryAdds).
        services.AddSingleton<JobStorage>(provider => databaseProvider == DatabaseProvider.PostgreSql
            ? PostgreSqlTimerStorage.Create(ConnectionString(provider))
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddSingleton<JobActivator>(provider => new ScopedJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseActivator(provider.GetRequiredService<JobActivator>())
            .UseLogProvider(new HangfireLogBridge(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        if (configuration.GetValue($"{TimerOptions.SectionName}:RunServer", true))
            services.AddHangfireServer((provider, server) =>
            {
                var options = provider.GetRequiredService<IOptions<TimerOptions>>().Value;
                server.ServerName = provider.GetRequiredService<NodeIdentity>().Name;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.WorkerCount = options.WorkerCount;
                server.MaxDegreeOfParallelismForSchedulers = options.SchedulerParallelism;
            });
        if (databaseProvider == DatabaseProvider.PostgreSql)
            services.TryAddSingleton<ITimerCluster>(provider => new PostgreSqlTimerCluster(
                provider.GetRequiredService<JobStorage>(),
                ConnectionString(provider),
                provider.GetRequiredService<ILogger<PostgreSqlTimerCluster>>()));
        else services.TryAddSingleton<ITimerCluster, SingleNodeTimerCluster>();
        services.TryAddSingleton<IDurableTimerScheduler, HangfireTimerScheduler>();
        services.TryAddTransient<DurableTimerJob>();
        services.TryAddSingleton<TimerFinishLine>();
        services.AddHostedService(provider => provider.GetRequiredService<TimerFinishLine>());
        services.TryAddSingleton<TimerHorizon>();
        services.AddHostedService<TimerHorizonService>();
        return services;
    }

    private static string ConnectionString(IServiceProvider services)
        => services.GetRequiredService<IOptions<PersistenceOptions>>().Value.PostgreSqlConnectionString
            ?? throw new InvalidOperationException("Itsm:Persistence:Provider is PostgreSql but ConnectionStrings:Itsm is not set.");

    private sealed class ScopedJobActivator(IServiceScopeFactory scopes) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

            public override void DisposeScope() => scope.Dispose();
        }
    }
}
