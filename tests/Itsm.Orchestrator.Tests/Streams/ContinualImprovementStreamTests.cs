using System.Text.Json.Nodes;
using Itsm.Orchestrator.Tests.Api;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>The continual improvement model: started by an improvement-registered event, seven tasks, a loop when the goal is missed.</summary>
public sealed class ContinualImprovementStreamTests
{
    private const string Role = "continual improvement manager";

    [Fact]
    public async Task A_person_registering_an_improvement_runs_the_seven_steps_and_reworks_the_plan_when_the_goal_is_missed()
    {
        await using var driver = new StreamDriver();
        var created = await driver.Client.PostJsonAsync("/api/improvements", new JsonObject
        {
            ["title"] = "Cut repeat WiFi outages in the warehouse", ["priority"] = "P2", ["source"] = "person",
        });
        var improvement = await created.ReadNodeAsync();
        created.IsSuccessStatusCode.Should().BeTrue(improvement.ToJsonString());
        var improvementId = improvement["record"]!["id"]!.GetValue<string>();

        // The improvements API stores the record only; the person (or a tool) announces it on the events API.
        var started = await driver.PublishEventAsync("improvement-registered", null, new JsonObject { ["improvementId"] = improvementId, ["source"] = "person" });
        var instanceId = started.Should().ContainSingle().Subject;

        var done = new List<string>();
        foreach (var outcome in new[] { "Done", "Done", "Done", "Done", "Done", "NotYet", "Done", "Done", "Achieved", "Done" })
            done.Add(await driver.CompleteAsync(instanceId, Role, outcome));
        done.Should().Equal("vision", "where-now", "where-to", "how", "act", "check", "how", "act", "check", "momentum");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().Equal(["registered", .. done, "done"]);
        path.Should().OnlyContain(s => s.Chain.SequenceEqual(new[] { "improve" }) && s.Practices.Contains("continual-improvement")
            && s.Roles.SequenceEqual(new[] { Role }));
        var definition = await driver.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/continual-improvement?versionOptions=Published");
        foreach (var step in path)
        {
            var node = definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == step.ActivityId)!;
            step.Practices.Should().Equal(JsonNode.Parse(node["itilPractices"]!["expression"]!["value"]!.GetValue<string>()).Strings(),
                $"the journal of {step.ActivityId} carries the node's practices");
        }
        System.Text.Json.JsonSerializer.Serialize((await driver.App.InstanceAsync(instanceId)).Variable("Improvement")).Should().Contain(improvementId);
    }
}
