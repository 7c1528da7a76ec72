using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>A.1.1 (warehouse WiFi) as its people drive it: a webhook report, the engineer's and the desk's tasks, the survey.</summary>
public sealed class IncidentResolutionStreamTests
{
    private const string Stream = "A.1.1";

    /// <summary>Each node of <c>workflows/a11-incident-resolution.json</c> and the appendix row it implements.</summary>
    private static readonly Dictionary<string, int> RowOfNode = new(StringComparer.Ordinal)
    {
        ["report"] = 1, ["log"] = 2, ["tell-requester"] = 2, ["escalate"] = 3, ["read-ci"] = 4, ["change"] = 4, ["spare"] = 4,
        ["reorder"] = 4, ["update-ci"] = 4, ["resolve"] = 4, ["confirm"] = 5, ["close"] = 5, ["restored"] = 6,
        ["restored-after-review"] = 6, ["survey"] = 7, ["improve"] = 7, ["start-improvement"] = 7,
    };

    private static readonly object Report = new
    {
        title = "No WiFi in the north aisles",
        description = "Scanners and forklift terminals in aisles 1-6 dropped off the network at 07:40.",
        reporter = "warehouse.manager@example.com",
        accessPoint = "demo-ci-ap-north",
    };

    [Fact]
    public async Task Webhook_report_runs_to_closure_with_a_P2_incident_a_standard_change_and_a_spare_taken()
    {
        await using var driver = new StreamDriver();
        var instanceId = await driver.StartByWebhookAsync("warehouse-wifi", Report);

        (await driver.CompleteAsync(instanceId, "network support engineer")).Should().Be("escalate");
        (await driver.CompleteAsync(instanceId, "service desk agent", "Confirmed")).Should().Be("confirm");
        await driver.AnswerSurveyAsync(instanceId, score: 5, comment: "Fixed within the hour");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().Equal("report", "log", "tell-requester", "escalate", "read-ci", "change", "spare",
            "update-ci", "resolve", "confirm", "close", "survey", "restored");
        path.Single(s => s.ActivityId == "change").Outcome.Should().Be("Approved");
        path.Single(s => s.ActivityId == "spare").Outcome.Should().Be("Done");
        StreamDriver.TagsShouldMatchRows(path, Stream, RowOfNode);

        var incident = (await driver.RecordsAsync("incidents", instanceId)).Should().ContainSingle().Subject;
        incident["priority"]!.GetValue<string>().Should().Be("P2");
        incident["status"]!.GetValue<string>().Should().Be("closed");
        var number = incident["number"]!.GetValue<string>();
        var details = await driver.RecordAsync("incidents", number);
        details["links"]!.AsArray().Should().Contain(l => l!["id"]!.GetValue<string>() == "demo-ci-ap-north");
        details["linkedFrom"]!.AsArray().Should().Contain(l => l!["type"]!.GetValue<string>() == "change");

        var change = (await driver.RecordsAsync("changes", instanceId)).Should().ContainSingle().Subject;
        change["data"]!["changeType"]!.GetValue<string>().Should().Be("standard");
        change["status"]!.GetValue<string>().Should().Be("approved");

        var told = (await driver.RecordsAsync("notifications", instanceId))
            .Single(n => n["data"]!["recipient"]!.GetValue<string>() == "warehouse.manager@example.com"
                && n["data"]!["body"]!.GetValue<string>().Contains("priority 2", StringComparison.Ordinal));
        told["data"]!["body"]!.GetValue<string>().Should().Contain(incident["data"]!["resolutionDue"]!.GetValue<string>()[..10],
            "the reporter is told when to expect the fix");

        var spare = await driver.RecordAsync("assets", "demo-asset-spare-ap");
        spare["record"]!["data"]!["stockCount"]!.GetValue<long>().Should().Be(3);
        var ci = await driver.RecordAsync("configuration-items", "demo-ci-ap-north");
        ci["record"]!["data"]!["hardware"]!.GetValue<string>().Should().Be("replaced from spares");
        var survey = (await driver.RecordsAsync("surveys", instanceId)).Should().ContainSingle().Subject;
        survey["data"]!["score"]!.GetValue<long>().Should().Be(5);
        (await driver.RecordsAsync("improvements", instanceId)).Should().BeEmpty("a good score registers nothing");
    }

    [Fact]
    public async Task Spare_below_threshold_asks_procurement_and_a_low_score_starts_the_improvement_stream()
    {
        await using var driver = new StreamDriver();
        var asset = await driver.RecordAsync("assets", "demo-asset-spare-ap");
        var put = await driver.Client.PutAsJsonAsync($"/api/assets/{asset["record"]!["number"]!.GetValue<string>()}",
            new { title = "Spare access point AP-300", stockCount = 2, reorderThreshold = 2, status = "in-stock" });
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var instanceId = await driver.StartByWebhookAsync("warehouse-wifi", Report);

        await driver.CompleteAsync(instanceId, "network support engineer");
        await driver.CompleteAsync(instanceId, "service desk agent", "Confirmed");
        await driver.AnswerSurveyAsync(instanceId, score: 1, comment: "Took all morning");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().Equal("report", "log", "tell-requester", "escalate", "read-ci", "change", "spare",
            "reorder", "update-ci", "resolve", "confirm", "close", "survey", "improve", "start-improvement", "restored-after-review");
        StreamDriver.TagsShouldMatchRows(path, Stream, RowOfNode);

        (await driver.RecordAsync("assets", "demo-asset-spare-ap"))["record"]!["data"]!["stockCount"]!.GetValue<long>().Should().Be(1);
        (await driver.RecordsAsync("notifications", instanceId)).Should().Contain(n => n["data"]!["recipient"]!.GetValue<string>() == "procurement");
        var improvement = (await driver.RecordsAsync("improvements", instanceId)).Should().ContainSingle().Subject;
        improvement["data"]!["source"]!.GetValue<string>().Should().Be("survey");
        var survey = (await driver.RecordsAsync("surveys", instanceId)).Single();
        (await driver.RecordAsync("improvements", improvement["number"]!.GetValue<string>()))["links"]!.AsArray()
            .Should().Contain(l => l!["id"]!.GetValue<string>() == survey["id"]!.GetValue<string>());

        JsonNode? started = null;
        (await Eventually.HoldsAsync(async () =>
        {
            started = (await driver.GetAsync($"{ApiClientExtensions.Instances}?definitionId=continual-improvement"))["items"]!.AsArray().FirstOrDefault();
            return started is not null;
        })).Should().BeTrue("the low score publishes improvement-registered, which starts the improvement stream");
        var improvementInstance = started!["id"]!.GetValue<string>();
        (await driver.TaskForAsync(improvementInstance, "continual improvement manager"))["activityId"]!.GetValue<string>().Should().Be("vision");
        var variables = (await driver.App.InstanceAsync(improvementInstance)).Variable("Improvement");
        System.Text.Json.JsonSerializer.Serialize(variables).Should().Contain(improvement["id"]!.GetValue<string>());
    }
}
