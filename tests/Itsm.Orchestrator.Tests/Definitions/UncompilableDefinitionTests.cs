using System.Net;
using System.Net.Http.Json;
using Itsm.Activities.Engine;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using Itsm.TestPlugins;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Definitions;

/// <summary>A published version that no longer compiles (its activity library was removed) never keeps the host down.</summary>
public sealed class UncompilableDefinitionTests
{
    [Fact]
    public async Task Host_starts_without_the_activity_library_and_a_start_of_the_orphaned_version_is_a_422()
    {
        using var data = new TempDataFolder();
        await using (var withPlugin = new ItsmAppFactory(data.Path) { TestServices = services => services.AddItsmActivities(a => a.AddActivity<GreetCustomer>()) })
        {
            await withPlugin.PublishAsync(new FlowBuilder("greeter")
                .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "greet")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
                .Activity("greet", "Acme.GreetCustomer", ("customerName", Literal("String", "Sam")))
                .Chain("hook", "greet").Trigger("hook").ToJson());
        }

        await using var without = new ItsmAppFactory(data.Path);
        using var client = without.CreateClient();
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "a definition never keeps the host from starting");

        var executed = await client.PostAsJsonAsync("/elsa/api/workflow-definitions/greeter/execute", new { });
        executed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await executed.Content.ReadAsStringAsync()).Should().Contain("Acme.GreetCustomer");
    }
}
