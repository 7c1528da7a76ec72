using System.Text.Json.Nodes;
using Itsm.Orchestrator.Tests.Api;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>
/// The four short mobile-app streams (no appendix rows): each runs to its end through the API, and every journal step
/// carries exactly the tags its node declares.
/// </summary>
public sealed class MobileAppStreamsTests
{
    private const string Dev = "app development team";

    [Fact]
    public async Task New_app_for_a_new_client_is_built_released_and_added_to_the_catalogue()
    {
        await using var driver = new StreamDriver();
        var instanceId = await driver.StartByApiAsync("mobile-new-app");
        foreach (var role in new[] { "account manager", "product owner", "ux designer", Dev }) await driver.CompleteAsync(instanceId, role);

        await driver.ShouldBeFinishedAsync(instanceId);
        await PathShouldBeAsync(driver, "mobile-new-app", instanceId, "client-request", "agree-goals", "scope", "design", "build", "store-release", "catalogue", "in-use");
        (await driver.RecordsAsync("catalogue", instanceId)).Should().ContainSingle().Which["status"]!.GetValue<string>().Should().Be("live");
    }

    [Fact]
    public async Task Change_for_an_existing_client_is_released_once_the_change_authority_approves()
    {
        await using var driver = new StreamDriver();
        var instanceId = await driver.StartByApiAsync("mobile-change-app", new JsonObject { ["title"] = "Add dark mode", ["version"] = "4.3.0" });
        await driver.CompleteAsync(instanceId, "account manager");
        await driver.CompleteAsync(instanceId, "change authority", "Approved");
        await driver.CompleteAsync(instanceId, Dev);

        await driver.ShouldBeFinishedAsync(instanceId);
        await PathShouldBeAsync(driver, "mobile-change-app", instanceId, "change-request", "clarify", "change", "build", "release", "tell-client", "changed");
        (await driver.RecordsAsync("changes", instanceId)).Should().ContainSingle().Which["status"]!.GetValue<string>().Should().Be("approved");
    }

    [Fact]
    public async Task Error_in_a_live_app_is_fixed_under_an_emergency_change_and_the_incident_closed()
    {
        await using var driver = new StreamDriver();
        var instanceId = await driver.StartByApiAsync("mobile-fix-live-error", new JsonObject { ["title"] = "Checkout crashes on Android 15", ["version"] = "4.2.1" });
        await driver.CompleteAsync(instanceId, Dev);
        await driver.CompleteAsync(instanceId, "change authority", "Approved");

        await driver.ShouldBeFinishedAsync(instanceId);
        await PathShouldBeAsync(driver, "mobile-fix-live-error", instanceId, "error-reported", "log", "to-developers", "change", "release", "resolve", "close", "working");
        var incident = (await driver.RecordsAsync("incidents", instanceId)).Should().ContainSingle().Subject;
        incident["priority"]!.GetValue<string>().Should().Be("P1");
        incident["status"]!.GetValue<string>().Should().Be("closed");
        (await driver.RecordsAsync("changes", instanceId)).Single()["data"]!["changeType"]!.GetValue<string>().Should().Be("emergency");
    }

    [Fact]
    public async Task Dropped_pilot_registers_its_lesson_and_starts_the_improvement_stream()
    {
        await using var driver = new StreamDriver();
        var instanceId = await driver.StartByApiAsync("mobile-pilot-experiment", new JsonObject { ["version"] = "4.4.0-pilot" });
        await driver.CompleteAsync(instanceId, "product owner");
        await driver.CompleteAsync(instanceId, Dev);
        await driver.CompleteAsync(instanceId, "product owner", "Drop");

        await driver.ShouldBeFinishedAsync(instanceId);
        await PathShouldBeAsync(driver, "mobile-pilot-experiment", instanceId, "idea", "hypothesis", "build", "pilot", "measure", "register-lesson", "start-improvement", "dropped");
        (await driver.RecordsAsync("improvements", instanceId)).Should().ContainSingle();
        (await Support.Eventually.HoldsAsync(async () =>
            (await driver.GetAsync($"{ApiClientExtensions.Instances}?definitionId=continual-improvement"))["items"]!.AsArray().Count == 1))
            .Should().BeTrue("the dropped pilot's lesson starts the improvement stream");
    }

    /// <summary>The path taken, and each step's journal tags equal to its node's tag inputs in the published definition.</summary>
    private static async Task PathShouldBeAsync(StreamDriver driver, string definitionId, string instanceId, params string[] expected)
    {
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().Equal(expected);
        var definition = await driver.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/{definitionId}?versionOptions=Published");
        foreach (var step in path)
        {
            var node = definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == step.ActivityId)!;
            step.Chain.Should().Equal(Tags(node, "itilValueChain"), step.ActivityId).And.NotBeEmpty(step.ActivityId);
            step.Practices.Should().Equal(Tags(node, "itilPractices"), step.ActivityId);
            step.Roles.Should().Equal(Tags(node, "itilRoles"), step.ActivityId).And.NotBeEmpty(step.ActivityId);
        }
    }

    private static IEnumerable<string> Tags(JsonNode node, string input)
        => node[input] is { } tag ? JsonNode.Parse(tag["expression"]!["value"]!.GetValue<string>()).Strings() : [];
}
