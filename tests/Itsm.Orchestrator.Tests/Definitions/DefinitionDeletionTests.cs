using System.Net;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Definitions;

public sealed class DefinitionDeletionTests
{
    [Fact]
    public async Task Deleting_a_definition_that_unfinished_instances_run_on_is_a_409_and_deletes_nothing()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("in-use").Activity("start", "Elsa.Start")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "later"))).Chain("start", "wait").ToJson());
        var started = await app.Runtime.StartAsync(new StartRequest("in-use"), default);
        using var client = app.CreateClient();

        var refused = await client.DeleteAsync("/elsa/api/workflow-definitions/in-use");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("1 instance(s)");
        (await app.Definitions.FindAsync("in-use", Orchestrator.Definitions.VersionOptions.Published, default)).Should().NotBeNull();

        (await app.Runtime.CancelAsync(started.InstanceId!, default)).Outcome.Should().Be(CommandOutcome.Done);
        (await client.DeleteAsync("/elsa/api/workflow-definitions/in-use")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Cancelled, "finished instances keep their history");
    }
}
