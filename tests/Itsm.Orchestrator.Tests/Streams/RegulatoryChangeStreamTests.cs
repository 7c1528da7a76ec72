using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>A.1.4 (regulatory change), started through the API; builds arrive as events from the build system.</summary>
public sealed class RegulatoryChangeStreamTests
{
    private const string Stream = "A.1.4";
    private const string BuildEvent = "regulatory-build-finished";

    private static readonly Dictionary<string, int> RowOfNode = new(StringComparer.Ordinal)
    {
        ["need"] = 1, ["agree-project"] = 2, ["plan"] = 3, ["assign-teams"] = 4, ["build"] = 5, ["build-passed"] = 5, ["authorize"] = 6,
        ["deploy"] = 7, ["evaluate"] = 8, ["compliant"] = 8, ["flag-on"] = 9, ["tell-desk"] = 9, ["catalogue"] = 9,
        ["review"] = 10, ["register-lessons"] = 10, ["start-improvement"] = 10,
    };

    [Fact]
    public async Task A_failed_build_keeps_the_stream_waiting_and_the_next_passing_one_goes_out_behind_a_feature_flag()
    {
        await using var driver = new StreamDriver();
        var instanceId = await driver.StartByApiAsync("a14-regulatory-change",
            new JsonObject { ["regulation"] = "Order data retention rules 2027" }, correlationId: "REG-2027-01");
        (await driver.CompleteAsync(instanceId, "chief information officer")).Should().Be("agree-project");
        (await driver.CompleteAsync(instanceId, "project manager")).Should().Be("plan");
        (await driver.CompleteAsync(instanceId, "project manager")).Should().Be("assign-teams");
        (await driver.CompleteAsync(instanceId, "compliance manager", "Authorized")).Should().Be("authorize");

        (await driver.PublishEventAsync(BuildEvent, "REG-2027-01", new JsonObject { ["passed"] = false, ["version"] = "4.3.0-rc1" }))
            .Should().Equal(instanceId);
        (await driver.OpenTasksAsync(instanceId)).Should().BeEmpty("a failed build deploys nothing; the stream waits for the next build");
        (await driver.PublishEventAsync(BuildEvent, "another-project", new JsonObject { ["passed"] = true, ["version"] = "9.9.9" }))
            .Should().BeEmpty("a build of another project does not reach this one");
        (await driver.PublishEventAsync(BuildEvent, "REG-2027-01", new JsonObject { ["passed"] = true, ["version"] = "4.3.0" }))
            .Should().Equal(instanceId);

        (await driver.CompleteAsync(instanceId, "compliance manager", "Compliant")).Should().Be("evaluate");
        (await driver.CompleteAsync(instanceId, "product manager")).Should().Be("flag-on");
        (await driver.CompleteAsync(instanceId, "project manager")).Should().Be("review");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().Equal("need", "agree-project", "plan", "assign-teams", "authorize",
            "build", "build-passed", "build", "build-passed", "deploy", "evaluate", "flag-on", "tell-desk", "catalogue",
            "review", "register-lessons", "start-improvement", "compliant");
        path.Where(s => s.ActivityId == "build-passed").Select(s => s.Outcome).Should().Equal("False", "True");
        StreamDriver.TagsShouldMatchRows(path, Stream, RowOfNode);

        var app = await driver.RecordAsync("configuration-items", "demo-ci-picking-app");
        app["record"]!["data"]!["version"]!.GetValue<string>().Should().Be("4.3.0");
        app["record"]!["data"]!["featureFlag"]!.GetValue<string>().Should().Be("order-retention-rules");
        var entry = await driver.RecordAsync("catalogue", "demo-svc-picking-app");
        entry["record"]!["data"]!["compliance"]!.GetValue<string>().Should().Be("order retention rules applied");
        (await driver.RecordsAsync("notifications", instanceId)).Should().ContainSingle(n => n["data"]!["recipient"]!.GetValue<string>() == "service desk");
        var improvement = (await driver.RecordsAsync("improvements", instanceId)).Should().ContainSingle().Subject;
        improvement["status"]!.GetValue<string>().Should().Be("proposed");
    }
}
