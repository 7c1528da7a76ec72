using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>A.1.2 (vendor upgrade fixes a calendar bug), started through the API and driven task by task, both change decisions.</summary>
public sealed class ThirdPartySoftwareErrorStreamTests
{
    private const string Stream = "A.1.2";
    private const string Definition = "a12-third-party-software-error";

    private static readonly Dictionary<string, int> RowOfNode = new(StringComparer.Ordinal)
    {
        ["reported"] = 1, ["log"] = 2, ["tell-requester"] = 2, ["research"] = 3, ["escalate"] = 4, ["contract"] = 4, ["release-notes"] = 4,
        ["portal-trial"] = 5, ["user-test"] = 6, ["resolve"] = 6, ["close"] = 6, ["fixed"] = 7, ["fixed-for-reporter"] = 7,
        ["survey"] = 8, ["improve"] = 8, ["start-improvement"] = 8, ["wider-tests"] = 9, ["change"] = 9, ["deploy"] = 9, ["tell-rejected"] = 9,
    };

    private static readonly JsonObject Input = new()
    {
        ["title"] = "Calendar will not save a booking for room 'Kühl & Co'",
        ["description"] = "Saving fails with 'invalid character' whenever the room name has an ampersand or umlaut.",
        ["requester"] = "admin.assistant@example.com",
    };

    /// <summary>Drives the stream up to the change authority's decision; returns the instance id.</summary>
    private static async Task<string> RunToTheChangeDecisionAsync(StreamDriver driver)
    {
        var instanceId = await driver.StartByApiAsync(Definition, Input.DeepClone().AsObject());
        (await driver.CompleteAsync(instanceId, "service desk agent", comment: "Vendor's 5.4.2 client lists the fix")).Should().Be("research");
        (await driver.CompleteAsync(instanceId, "second line support", comment: "No conflicts")).Should().Be("release-notes");
        (await driver.CompleteAsync(instanceId, "second line support")).Should().Be("portal-trial");
        (await driver.CompleteAsync(instanceId, "admin assistant", "Fixed")).Should().Be("user-test");
        await driver.AnswerSurveyAsync(instanceId, score: 4, comment: "Works now");
        (await driver.CompleteAsync(instanceId, "second line support")).Should().Be("wider-tests");
        return instanceId;
    }

    [Fact]
    public async Task Approved_normal_change_deploys_the_upgrade_to_all_users_after_the_users_trial()
    {
        await using var driver = new StreamDriver();
        var instanceId = await RunToTheChangeDecisionAsync(driver);

        (await driver.CompleteAsync(instanceId, "change authority", "Approved", "Tested widely; low risk")).Should().Be("change");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().Equal("reported", "log", "tell-requester", "research", "escalate", "contract", "release-notes",
            "portal-trial", "user-test", "resolve", "close", "survey", "wider-tests", "change", "deploy", "fixed");
        StreamDriver.TagsShouldMatchRows(path, Stream, RowOfNode);

        var incident = (await driver.RecordsAsync("incidents", instanceId)).Should().ContainSingle().Subject;
        incident["priority"]!.GetValue<string>().Should().Be("P3");
        incident["status"]!.GetValue<string>().Should().Be("closed");
        var change = (await driver.RecordsAsync("changes", instanceId)).Should().ContainSingle().Subject;
        change["data"]!["changeType"]!.GetValue<string>().Should().Be("normal");
        var changeDetails = await driver.RecordAsync("changes", change["number"]!.GetValue<string>());
        changeDetails["links"]!.AsArray().Should().Contain(l => l!["id"]!.GetValue<string>() == incident["id"]!.GetValue<string>());
        changeDetails["record"]!["data"]!["decisionComment"]!.GetValue<string>().Should().Be("Tested widely; low risk");
        (await driver.RecordsAsync("surveys", instanceId)).Single()["data"]!["score"]!.GetValue<long>().Should().Be(4);
    }

    [Fact]
    public async Task Rejected_normal_change_keeps_the_old_client_and_tells_second_line()
    {
        await using var driver = new StreamDriver();
        var instanceId = await RunToTheChangeDecisionAsync(driver);

        await driver.CompleteAsync(instanceId, "change authority", "Rejected", "Wait for the quarterly window");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().EndWith(["wider-tests", "change", "tell-rejected", "fixed-for-reporter"]);
        path.Should().NotContain(s => s.ActivityId == "deploy");
        path.Single(s => s.ActivityId == "change").Outcome.Should().Be("Rejected");
        StreamDriver.TagsShouldMatchRows(path, Stream, RowOfNode);
        (await driver.RecordsAsync("changes", instanceId)).Single()["status"]!.GetValue<string>().Should().Be("rejected");
        (await driver.RecordsAsync("notifications", instanceId)).Should().Contain(n => n["data"]!["recipient"]!.GetValue<string>() == "second line support");
    }
}
