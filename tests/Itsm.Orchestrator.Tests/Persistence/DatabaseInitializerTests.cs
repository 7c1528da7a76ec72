using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Tests.Persistence;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Initializer_applies_every_migration()
    {
        await using var host = await PersistenceHost.StartAsync(_folder.Path);

        await using var context = await host.Services.GetRequiredService<IDbContextFactory<ItsmDbContext>>().CreateDbContextAsync();
        (await context.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await context.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
        (await context.Definitions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Initializing_twice_is_harmless()
    {
        await using var host = await PersistenceHost.StartAsync(_folder.Path);
        var initializer = host.Services.GetRequiredService<DatabaseInitializer>();

        await Task.WhenAll(initializer.InitializeAsync(CancellationToken.None), initializer.InitializeAsync(CancellationToken.None));

        initializer.IsInitialized.Should().BeTrue();
    }

    [Fact]
    public async Task Stores_initialize_the_database_on_first_use_without_the_hosted_service()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(TestDatabase.SettingsFor(_folder.Path)) { ["Itsm:DataPath"] = _folder.Path })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddItsmPersistence(configuration).BuildServiceProvider();

        var store = services.GetRequiredService<IWorkflowStore>();
        await store.CommitAsync([TestRecords.Create(TestRecords.Instance("i1"))], CancellationToken.None);

        (await store.FindInstanceAsync("i1", CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Database_health_check_reports_healthy()
    {
        await using var host = await PersistenceHost.StartAsync(_folder.Path);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries.Should().ContainKey("database");
        report.Entries["database"].Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Scoped_context_resolves_from_the_pool()
    {
        await using var host = await PersistenceHost.StartAsync(_folder.Path);
        await using var scope = host.Services.CreateAsyncScope();

        var context = scope.ServiceProvider.GetRequiredService<ItsmDbContext>();

        (await context.Database.CanConnectAsync()).Should().BeTrue();
    }
}
