using Hangfire;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;
using Itsm.Orchestrator.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Timers;

/// <summary>
/// Hangfire keeps its storage and job activator in process-wide statics. Two hosts in one process (this test suite, a
/// host restarted in place) must each keep their own: once on PostgreSQL a host's timer jobs were activated through a
/// stopped host's disposed services, every attempt failed, and its Delay never resumed.
/// </summary>
public sealed class HangfireHostIsolationTests
{
    [Fact]
    public void A_host_keeps_its_own_Hangfire_storage_and_activator_after_another_host_configured_Hangfire_and_stopped()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "itsm-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var first = BuildHost(dataPath);
            first.GetRequiredService<IGlobalConfiguration>();
            JobStorage secondStorage;
            using (var second = BuildHost(dataPath))
            {
                second.GetRequiredService<IGlobalConfiguration>();
                secondStorage = second.GetRequiredService<JobStorage>();
            }

            first.GetRequiredService<JobStorage>().Should().NotBeSameAs(secondStorage, "the first host's timers go to its own storage");
            var activate = () =>
            {
                var scope = first.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);
                scope.Resolve(typeof(TimerOptions));
                scope.DisposeScope();
            };
            activate.Should().NotThrow("the first host's jobs are activated through its own services, not the stopped host's");
        }
        finally
        {
            TestDatabase.Release(dataPath);
        }
    }

    private static ServiceProvider BuildHost(string dataPath)
    {
        var settings = new Dictionary<string, string?>(TestDatabase.SettingsFor(dataPath)) { ["Itsm:Timers:RunServer"] = "false" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<PersistenceOptions>(o => o.PostgreSqlConnectionString = configuration.GetConnectionString(PersistenceOptions.ConnectionStringName));
        services.AddItsmTimers(configuration);
        return services.BuildServiceProvider();
    }
}
