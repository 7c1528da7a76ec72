using Hangfire;
using Hangfire.InMemory;
using Itsm.Orchestrator.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>
    /// Durable timers on Hangfire. Storage is in-memory (no SQLite store for Hangfire exists here): the due
    /// times live in Itsm's database and <see cref="TimerHorizon"/> arms the near ones from it.
    /// </summary>
    public static IServiceCollection AddItsmTimers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimerOptions>().Bind(configuration.GetSection(TimerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseActivator(new ScopedJobActivator(provider.GetRequiredService<IServiceScopeFactory>()))
            .UseInMemoryStorage(new InMemoryStorageOptions()));
        if (configuration.GetValue($"{TimerOptions.SectionName}:RunServer", true))
            services.AddHangfireServer((provider, server) =>
            {
                var options = provider.GetRequiredService<IOptions<TimerOptions>>().Value;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.WorkerCount = options.WorkerCount;
            });
        services.TryAddSingleton<IDurableTimerScheduler, HangfireTimerScheduler>();
        services.TryAddTransient<DurableTimerJob>();
        services.TryAddSingleton<TimerHorizon>();
        services.AddHostedService<TimerHorizonService>();
        return services;
    }

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
