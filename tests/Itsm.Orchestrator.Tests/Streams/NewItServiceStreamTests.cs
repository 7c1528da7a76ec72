namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>A.1.3 (new custom-shoe website), started through the API, with two MVP iterations and a no-go.</summary>
public sealed class NewItServiceStreamTests
{
    private const string Stream = "A.1.3";
    private const string Definition = "a13-new-it-service";

    private static readonly Dictionary<string, int> RowOfNode = new(StringComparer.Ordinal)
    {
        ["request"] = 1, ["feasibility"] = 2, ["options"] = 3, ["costs-risks"] = 4, ["go-no-go"] = 5, ["not-pursued"] = 5,
        ["portfolio"] = 6, ["add-to-portfolio"] = 6, ["project-plan"] = 7, ["requirements"] = 8, ["build-mvp"] = 9,
        ["iteration-review"] = 10, ["warranty"] = 11, ["training"] = 12, ["increment"] = 13, ["release"] = 13,
        ["evaluate-value"] = 14, ["delivered"] = 14, ["go-live"] = 15, ["monthly-review"] = 16,
    };

    private static async Task<string> RunToTheDecisionAsync(StreamDriver driver)
    {
        var instanceId = await driver.StartByApiAsync(Definition);
        (await driver.CompleteAsync(instanceId, "business relationship manager")).Should().Be("feasibility");
        (await driver.CompleteAsync(instanceId, "it strategy team")).Should().Be("options");
        (await driver.CompleteAsync(instanceId, "financial analyst")).Should().Be("costs-risks");
        return instanceId;
    }

    [Fact]
    public async Task Go_decision_builds_the_mvp_in_reviewed_iterations_and_books_the_service_into_monthly_reviews()
    {
        await using var driver = new StreamDriver();
        var instanceId = await RunToTheDecisionAsync(driver);
        (await driver.CompleteAsync(instanceId, "sales director", "Go")).Should().Be("go-no-go");
        (await driver.CompleteAsync(instanceId, "it strategy team")).Should().Be("portfolio");
        (await driver.CompleteAsync(instanceId, "project manager")).Should().Be("project-plan");
        (await driver.CompleteAsync(instanceId, "business analyst")).Should().Be("requirements");
        (await driver.CompleteAsync(instanceId, "software development team")).Should().Be("build-mvp");
        (await driver.CompleteAsync(instanceId, "business relationship manager", "Iterate", "Colour picker is confusing")).Should().Be("iteration-review");
        (await driver.CompleteAsync(instanceId, "software development team")).Should().Be("build-mvp");
        (await driver.CompleteAsync(instanceId, "business relationship manager", "Ready")).Should().Be("iteration-review");
        (await driver.CompleteAsync(instanceId, "service manager")).Should().Be("warranty");
        (await driver.CompleteAsync(instanceId, "software development team")).Should().Be("training");
        (await driver.CompleteAsync(instanceId, "software development team")).Should().Be("increment");
        (await driver.CompleteAsync(instanceId, "business relationship manager")).Should().Be("evaluate-value");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().Equal("request", "feasibility", "options", "costs-risks", "go-no-go", "portfolio",
            "add-to-portfolio", "project-plan", "requirements", "build-mvp", "iteration-review", "build-mvp", "iteration-review",
            "warranty", "training", "increment", "release", "evaluate-value", "go-live", "monthly-review", "delivered");
        StreamDriver.TagsShouldMatchRows(path, Stream, RowOfNode);

        var entry = (await driver.RecordsAsync("catalogue", instanceId)).Should().ContainSingle().Subject;
        entry["title"]!.GetValue<string>().Should().Be("Design-your-own shoe website");
        entry["status"]!.GetValue<string>().Should().Be("live");
        var details = await driver.RecordAsync("catalogue", entry["number"]!.GetValue<string>());
        details["history"]!.AsArray().Count.Should().BeGreaterThanOrEqualTo(3, "added as pipeline, made live, booked for review");
        var review = details["record"]!["data"]!["review"]!;
        review["scheduled"]!.GetValue<bool>().Should().BeTrue("the service is registered for the monthly review");
        review["everyDays"]!.GetValue<double>().Should().Be(30);
    }

    [Fact]
    public async Task No_go_ends_the_stream_before_anything_is_added_to_the_portfolio()
    {
        await using var driver = new StreamDriver();
        var instanceId = await RunToTheDecisionAsync(driver);

        await driver.CompleteAsync(instanceId, "sales director", "NoGo", "Margins too thin this year");

        await driver.ShouldBeFinishedAsync(instanceId);
        var path = await driver.PathAsync(instanceId);
        path.Select(s => s.ActivityId).Should().EndWith(["go-no-go", "not-pursued"]);
        StreamDriver.TagsShouldMatchRows(path, Stream, RowOfNode);
        (await driver.RecordsAsync("catalogue", instanceId)).Should().BeEmpty();
    }
}
