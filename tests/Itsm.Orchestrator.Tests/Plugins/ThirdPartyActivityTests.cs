using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Itsm.TestPlugins;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Plugins;

/// <summary>Activities from a library the engine does not know (Itsm.TestPlugins), with a port the host provides.</summary>
public sealed class ThirdPartyActivityTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed class FakeDirectory : ICustomerDirectory
    {
        public Task<string?> FindTierAsync(string customerId, CancellationToken cancellationToken)
            => Task.FromResult(customerId == "c-7" ? "gold" : null);
    }

    [Fact]
    public async Task Activities_from_another_assembly_are_published_and_run_with_their_ports()
    {
        var host = PluginHost.With(_app, services: services => services
            .AddItsmActivities(typeof(GreetCustomer).Assembly)
            .AddSingleton<ICustomerDirectory, FakeDirectory>()).Services;
        await host.PublishAsync(new FlowBuilder("greet")
            .Variable("Greeting", "String")
            .Variable("Tier", "String")
            .Activity("start", "Elsa.Start")
            .Activity("greet", "Acme.GreetCustomer", ("customerName", Literal("String", "Ada")), ("greeting", Into("Greeting")))
            .Activity("tier", "Acme.LookUpCustomerTier", ("customerId", Literal("String", "c-7")), ("tier", Into("Tier")))
            .Chain("start", "greet", "tier")
            .ToJson());

        var state = await host.StartAsync(new StartRequest("greet"));

        state.Status.Should().Be(InstanceStatus.Finished, state.Fault?.Message);
        state.Variables["Greeting"].Should().Be("Hello, Ada!");
        state.Variables["Tier"].Should().Be("gold");
        host.GetRequiredService<ActivityRegistry>().Find("Acme.GreetCustomer")!.Category.Should().Be("Acme", "the designer lists it like a built-in");
    }

    [Fact]
    public void Activity_whose_port_the_host_lacks_stops_the_host_at_start_naming_both()
    {
        var start = () => PluginHost.With(_app, services: services => services.AddItsmActivities(a => a.AddActivity<LookUpCustomerTier>())).Services;

        var error = start.Should().Throw<Exception>().Which;
        var missing = Flatten(error).OfType<MissingActivityPortException>().Should().ContainSingle().Subject;
        missing.Message.Should().Contain("Acme.LookUpCustomerTier").And.Contain(nameof(ICustomerDirectory));
        missing.Missing.Should().ContainSingle().Which.Port.Should().Be<ICustomerDirectory>();
    }

    [Fact]
    public async Task Activity_not_registered_is_an_unknown_type_at_publish()
    {
        var host = PluginHost.With(_app).Services;

        var save = () => host.PublishAsync(new FlowBuilder("unknown-plugin")
            .Activity("greet", "Acme.GreetCustomer", ("customerName", Literal("String", "Ada")))
            .ToJson());

        await save.Should().ThrowAsync<Exception>().WithMessage("*Acme.GreetCustomer*");
    }

    internal static System.Text.Json.Nodes.JsonObject Into(string variable)
        => new() { ["typeName"] = "Object", ["memoryReference"] = new System.Text.Json.Nodes.JsonObject { ["id"] = variable + "-id" } };

    private static IEnumerable<Exception> Flatten(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
            if (exception is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }
}
