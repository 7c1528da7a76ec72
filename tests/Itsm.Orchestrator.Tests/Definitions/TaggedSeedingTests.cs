using System.Net;
using System.Text.Json;
using Itsm.Activities.Itil;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Definitions;

public sealed class TaggedSeedingTests
{
    [Fact]
    public async Task Seeded_workflow_whose_tags_only_warn_is_still_published_at_start_up()
    {
        var folder = Path.Combine(Path.GetTempPath(), "itsm-tests", "tagged-workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var flow = new FlowBuilder("seeded-cold", "Seeded cold")
                .Activity("start", "Elsa.Start")
                .Activity("step", "Elsa.WriteLine", ("text", Literal("String", "x")),
                    (ItilTagInputs.ValueChain, Obj("String[]", JsonSerializer.Serialize(new[] { "plan" }))),
                    (ItilTagInputs.Practices, Obj("String[]", JsonSerializer.Serialize(new[] { "service-validation-and-testing" }))))
                .Chain("start", "step");
            await File.WriteAllTextAsync(Path.Combine(folder, "seeded-cold.json"), flow.ToJson());

            await using var factory = new ItsmAppFactory(workflowsPath: folder);
            using var client = factory.CreateClient();

            var response = await client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/seeded-cold?versionOptions=Published");
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Repository_incident_intake_carries_its_tags_as_inputs_and_publishes()
    {
        await using var factory = new ItsmAppFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/incident-intake?versionOptions=Published");
        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["root"]!["activities"]!.AsArray().Should().Contain(activity => activity![ItilTagInputs.Practices] != null);
    }
}
