using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Itil;

public sealed class ServiceActivityTests
{
    private const string StepRecordId = "inst-1-step";

    private static (string, System.Text.Json.Nodes.JsonNode?) Input(string name, string value) => (name, Literal("String", value));

    [Fact]
    public async Task Improvement_is_registered_with_its_source_and_what_prompted_it()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.RegisterImprovement", Input("title", "Keep two spare APs per warehouse"),
            Input("source", "Survey"), Input("sourceRecordType", "survey"), Input("sourceRecordId", "srv-1"));

        run.Variable("number").Should().Be("IMP0000001");
        var improvement = harness.Record(RecordTypes.Improvement, StepRecordId);
        improvement.Should().Contain(RecordFields.Status, "proposed").And.Contain("source", "survey").And.Contain(RecordFields.Priority, "P3")
            .And.Contain(RecordFields.Title, "Keep two spare APs per warehouse");
        improvement.Links().Should().Equal((RecordTypes.Survey, "srv-1", "prompted-by"));
    }

    [Fact]
    public async Task New_service_is_added_to_the_catalogue_once_however_often_the_node_runs()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.UpdateServiceCatalogue", Input("serviceName", "Shoe design studio"), Input("owner", "sales director"),
            ("fields", Obj("Object", "{\"supportHours\": \"business hours\"}")));

        run.Variable("number").Should().Be("SVC0000001");
        harness.Record(RecordTypes.CatalogueEntry, StepRecordId).Should().Contain(RecordFields.Title, "Shoe design studio")
            .And.Contain(RecordFields.Status, "live").And.Contain("owner", "sales director").And.Contain("supportHours", "business hours");

        var again = await harness.RunStepAsync("Itsm.UpdateServiceCatalogue", Input("serviceName", "Shoe design studio"), Input("status", "pipeline"));
        again.Variable("number").Should().Be("SVC0000001");
        harness.Records.Allocated.Should().Equal("SVC0000001");
        harness.Record(RecordTypes.CatalogueEntry, StepRecordId).Should().Contain(RecordFields.Status, "pipeline").And.Contain("owner", "sales director");
    }

    [Fact]
    public async Task Existing_catalogue_entry_is_updated_in_place()
    {
        var harness = WithService(contract: null);
        var run = await harness.RunStepAsync("Itsm.UpdateServiceCatalogue", Input("serviceId", "svc-mail"), Input("description", "Mail for everyone"));

        run.Variable("recordId").Should().Be("svc-mail");
        harness.Record(RecordTypes.CatalogueEntry, "svc-mail").Should().Contain("description", "Mail for everyone").And.Contain(RecordFields.Status, "live");
        harness.Records.Allocated.Should().BeEmpty();
    }

    [Fact]
    public async Task Updating_an_unknown_catalogue_entry_faults()
    {
        var run = await new ItilHarness().RunStepAsync("Itsm.UpdateServiceCatalogue", Input("serviceId", "nope"));

        run.State.Fault!.Message.Should().Be("There is no catalogue-entry 'nope'.");
    }

    [Fact]
    public async Task Valid_contract_covering_the_topic_is_Covered()
    {
        var harness = WithService(new { supplier = "Mailsoft", expiresOn = "2027-06-30", covers = new[] { "software-fixes" } });
        var run = await harness.RunStepAsync("Itsm.CheckSupplierContract", Input("serviceId", "svc-mail"), Input("topic", "Software-Fixes"));

        run.Outcome().Should().Be(CheckSupplierContract.Covered);
        run.Variable("supplier").Should().Be("Mailsoft");
    }

    [Theory]
    [InlineData("2026-11-22", "software-fixes", "expired")]
    [InlineData("2027-06-30", "hardware", "does not cover 'hardware'")]
    public async Task Expired_contract_or_uncovered_topic_is_NotCovered_with_the_reason(string expiresOn, string topic, string reason)
    {
        var harness = WithService(new { supplier = "Mailsoft", expiresOn, covers = new[] { "software-fixes" } });
        var run = await harness.RunStepAsync("Itsm.CheckSupplierContract", Input("serviceId", "svc-mail"), Input("topic", topic));

        run.Outcome().Should().Be(CheckSupplierContract.NotCovered);
        ((string)run.Variable("reason")!).Should().Contain(reason);
    }

    [Fact]
    public async Task Contract_expiring_today_still_covers_today()
    {
        var harness = WithService(new { supplier = "Mailsoft", expiresOn = "2026-11-23" });
        var run = await harness.RunStepAsync("Itsm.CheckSupplierContract", Input("serviceId", "svc-mail"));

        run.Outcome().Should().Be(CheckSupplierContract.Covered);
    }

    [Fact]
    public async Task Service_without_a_contract_is_NotCovered()
    {
        var run = await WithService(contract: null).RunStepAsync("Itsm.CheckSupplierContract", Input("serviceId", "svc-mail"));

        run.Outcome().Should().Be(CheckSupplierContract.NotCovered);
        run.Variable("reason").Should().Be("The service has no supplier contract.");
    }

    [Fact]
    public async Task Service_registered_for_review_gets_its_cadence_and_first_review_date()
    {
        var harness = WithService(contract: null);
        var run = await harness.RunStepAsync("Itsm.RegisterServiceForReview", Input("serviceId", "svc-mail"), ("every", Literal("TimeSpan", "P30D")),
            Input("participants", "business owner"));

        run.Variable("nextReviewAt").Should().Be(ItilHarness.Start.AddDays(30));
        var review = (IDictionary<string, object?>)harness.Record(RecordTypes.CatalogueEntry, "svc-mail")["review"]!;
        review.Should().Contain("scheduled", true).And.Contain("nextReviewAt", "2026-12-23T09:00:00.000Z").And.Contain("participants", "business owner");
    }

    private static ItilHarness WithService(object? contract)
    {
        var harness = new ItilHarness();
        harness.Records.Seed(RecordTypes.CatalogueEntry, "svc-mail", new Dictionary<string, object?>
        {
            ["number"] = "SVC0000009", ["status"] = "live", ["title"] = "E-mail", ["supplierContract"] = contract,
        });
        return harness;
    }
}
