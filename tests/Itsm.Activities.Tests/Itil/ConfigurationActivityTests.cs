using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Itil;

public sealed class ConfigurationActivityTests
{
    private static (string, System.Text.Json.Nodes.JsonNode?) Input(string name, string value) => (name, Literal("String", value));

    [Fact]
    public async Task Reading_a_configuration_item_outputs_its_data()
    {
        var harness = WithAccessPoint();
        var run = await harness.RunStepAsync("Itsm.ReadConfigurationItem", Input("configurationItemId", "ci-ap-7"));

        run.Outcome().Should().Be(Outcomes.Done);
        run.Variable("number").Should().Be("CI0000007");
        run.Variable("status").Should().Be("live");
        ((IDictionary<string, object?>)run.Variable("data")!).Should().Contain("model", "AP-500").And.Contain("location", "warehouse aisle 7");
    }

    [Fact]
    public async Task Reading_an_unknown_configuration_item_leaves_through_NotFound()
    {
        var run = await new ItilHarness().RunStepAsync("Itsm.ReadConfigurationItem", Input("configurationItemId", "nope"));

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Outcome().Should().Be(ReadConfigurationItem.NotFound);
    }

    [Fact]
    public async Task Updating_a_configuration_item_sets_fields_and_status_and_links_the_change()
    {
        var harness = WithAccessPoint();
        var run = await harness.RunStepAsync("Itsm.UpdateConfigurationItem", Input("configurationItemId", "ci-ap-7"),
            ("fields", Obj("Object", "{\"serialNumber\": \"SN-991\", \"firmware\": \"2.4\"}")), Input("status", "Live"), Input("changeId", "chg-1"));

        run.Outcome().Should().Be(Outcomes.Done);
        run.Variable("number").Should().Be("CI0000007");
        var item = harness.Record(RecordTypes.ConfigurationItem, "ci-ap-7");
        item.Should().Contain("serialNumber", "SN-991").And.Contain("firmware", "2.4").And.Contain(RecordFields.Status, "live").And.Contain("model", "AP-500");
        item.Links().Should().Equal((RecordTypes.Change, "chg-1", "changed-by"));
    }

    [Fact]
    public async Task Updating_the_number_of_a_configuration_item_is_refused()
    {
        var harness = WithAccessPoint();
        var run = await harness.RunStepAsync("Itsm.UpdateConfigurationItem", Input("configurationItemId", "ci-ap-7"), ("fields", Obj("Object", "{\"number\": \"CI9\"}")));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("'number'");
        harness.Written.Should().BeEmpty();
    }

    [Fact]
    public async Task Updating_an_unknown_configuration_item_leaves_through_NotFound()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.UpdateConfigurationItem", Input("configurationItemId", "nope"));

        run.Outcome().Should().Be(ReadConfigurationItem.NotFound);
        harness.Written.Should().BeEmpty();
    }

    [Theory]
    [InlineData(5, 1, "Done", 4)]
    [InlineData(3, 1, "ReorderNeeded", 2)]
    [InlineData(2, 2, "ReorderNeeded", 0)]
    public async Task Consuming_spare_parts_lowers_the_stock_and_asks_for_a_reorder_below_the_threshold(int stock, int quantity, string outcome, int left)
    {
        var harness = WithSpares(stock);
        var run = await harness.RunStepAsync("Itsm.ConsumeSparePart", Input("assetId", "ast-spare-ap"),
            ("quantity", Literal("Int32", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture))), Input("incidentId", "inc-1"));

        run.Outcome().Should().Be(outcome);
        run.Variable("stock").Should().Be((long)left);
        harness.Record(RecordTypes.Asset, "ast-spare-ap").Should().Contain(ConsumeSparePart.StockField, (long)left)
            .And.Contain("lastConsumedFor", "inc-1").And.Contain(ConsumeSparePart.ThresholdField, 3L);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    public async Task Too_few_spare_parts_leave_through_OutOfStock_and_take_none(int stock, int quantity)
    {
        var harness = WithSpares(stock);
        var run = await harness.RunStepAsync("Itsm.ConsumeSparePart", Input("assetId", "ast-spare-ap"),
            ("quantity", Literal("Int32", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        run.Outcome().Should().Be(ConsumeSparePart.OutOfStock);
        run.Variable("stock").Should().Be((long)stock);
        harness.Written.Should().BeEmpty();
    }

    [Fact]
    public async Task Consuming_from_an_unknown_asset_faults_naming_it()
    {
        var run = await new ItilHarness().RunStepAsync("Itsm.ConsumeSparePart", Input("assetId", "nope"));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Be("There is no asset 'nope'.");
    }

    private static ItilHarness WithAccessPoint()
    {
        var harness = new ItilHarness();
        harness.Records.Seed(RecordTypes.ConfigurationItem, "ci-ap-7", new Dictionary<string, object?>
        {
            ["number"] = "CI0000007", ["status"] = "live", ["title"] = "Access point aisle 7", ["model"] = "AP-500", ["location"] = "warehouse aisle 7",
        });
        return harness;
    }

    private static ItilHarness WithSpares(int stock)
    {
        var harness = new ItilHarness();
        harness.Records.Seed(RecordTypes.Asset, "ast-spare-ap", new Dictionary<string, object?>
        {
            ["number"] = "AST0000001", ["status"] = "in-stock", ["title"] = "Spare access points", ["stockCount"] = stock, ["reorderThreshold"] = 3,
        });
        return harness;
    }
}
