using Itsm.Activities.Engine;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Plugins;

public sealed class DefinitionLifecycleTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _app = new();
    private readonly RecordingHandler _handler = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Records what it hears; needs the runtime, as a scheduler would (that must not be a DI cycle).</summary>
    private sealed class RecordingHandler : IDefinitionLifecycleHandler
    {
        public List<string> Heard { get; } = [];
        public IWorkflowRuntime? Runtime { get; set; }

        public Task OnPublishedAsync(DefinitionPublished published, CancellationToken cancellationToken)
        {
            lock (Heard) Heard.Add($"published {published.DefinitionId} v{published.Version.Version} {published.Workflow.DefinitionVersionId == published.Version.Id}{(published.AtStartup ? " at start" : "")}");
            return Task.CompletedTask;
        }

        public Task OnRetractedAsync(DefinitionRetracted retracted, CancellationToken cancellationToken)
        {
            lock (Heard) Heard.Add($"retracted {retracted.DefinitionId}");
            return Task.CompletedTask;
        }

        public Task OnDeletedAsync(DefinitionDeleted deleted, CancellationToken cancellationToken)
        {
            lock (Heard) Heard.Add($"deleted {deleted.DefinitionId} ({deleted.VersionIds.Count} versions)");
            return Task.CompletedTask;
        }
    }

    private sealed class ThrowingHandler : IDefinitionLifecycleHandler
    {
        public Task OnPublishedAsync(DefinitionPublished published, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }

    private IServiceProvider Host(bool withThrowingHandler = false) => PluginHost.With(_app, services: services =>
    {
        if (withThrowingHandler) services.AddSingleton<IDefinitionLifecycleHandler, ThrowingHandler>();
        services.AddSingleton<IDefinitionLifecycleHandler>(provider =>
        {
            _handler.Runtime = provider.GetRequiredService<IWorkflowRuntime>();
            return _handler;
        });
    }).Services;

    private static string EventFlow(string id) => new FlowBuilder(id)
        .Activity("go", "Elsa.Event", ("eventName", Literal("String", "lifecycle-go")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "went")))
        .Chain("go", "log")
        .Trigger("go")
        .ToJson();

    [Fact]
    public async Task Handler_hears_publish_retract_and_delete_in_order()
    {
        var host = Host();
        var definitions = host.GetRequiredService<IWorkflowDefinitionService>();
        _handler.Heard.Clear(); // drop what start-up warmed (the shipped workflows)

        await host.PublishAsync(EventFlow("lifecycle"));
        await host.PublishAsync(EventFlow("lifecycle"));
        await definitions.RetractAsync("lifecycle", default);
        await definitions.DeleteAsync("lifecycle", default);

        _handler.Heard.Should().Equal(
            "published lifecycle v1 True",
            "published lifecycle v2 True",
            "retracted lifecycle",
            "deleted lifecycle (2 versions)");
        _handler.Runtime.Should().NotBeNull("a handler may depend on the runtime");
    }

    [Fact]
    public async Task Published_definitions_are_announced_at_start_up()
    {
        var first = PluginHost.With(_app).Services;
        await first.PublishAsync(EventFlow("announced"));

        await using var restarted = new ItsmAppFactory(_app.DataPath);
        var handler = new RecordingHandler();
        _ = PluginHost.With(restarted, services: services => services.AddSingleton<IDefinitionLifecycleHandler>(handler)).Services;

        handler.Heard.Should().Contain("published announced v1 True at start");
    }

    [Fact]
    public async Task Failing_handler_neither_fails_the_publish_nor_stops_the_index()
    {
        var host = Host(withThrowingHandler: true);

        await host.PublishAsync(EventFlow("despite-failure"));

        host.GetRequiredService<TriggerIndex>().FindEvent("lifecycle-go").Should().ContainSingle(t => t.DefinitionId == "despite-failure");
        _handler.Heard.Should().Contain("published despite-failure v1 True", "handlers after the failing one still hear of it");
    }

    [Fact]
    public async Task Deleted_definition_leaves_the_compiled_cache()
    {
        var host = Host();
        await host.PublishAsync(EventFlow("cached"));
        var cache = host.GetRequiredService<CompiledWorkflowCache>();
        var versionId = host.GetRequiredService<TriggerIndex>().FindEvent("lifecycle-go").Single(t => t.DefinitionId == "cached").DefinitionVersionId;
        cache.TryGet(versionId, out _).Should().BeTrue();

        await host.GetRequiredService<IWorkflowDefinitionService>().DeleteAsync("cached", default);

        cache.TryGet(versionId, out CompiledWorkflow _).Should().BeFalse();
    }
}
