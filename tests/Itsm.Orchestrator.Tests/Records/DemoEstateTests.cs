using Itsm.Activities.Itil;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Records.DemoEstate;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>The demo estate is seeded on first start, once, unless turned off.</summary>
public sealed class DemoEstateTests
{
    private static async Task<List<ItilRecord>> AllAsync(ItsmAppFactory app, string type) =>
        (await app.Services.GetRequiredService<RecordQueries>().ListAsync(new RecordListQuery(type) { PageSize = RecordListQuery.MaxPageSize }, default)).Items.ToList();

    [Fact]
    public async Task Demo_estate_is_seeded_on_first_start_and_not_again_after_a_restart()
    {
        var file = DemoEstateFile.Load();
        await using var first = new ItsmAppFactory();
        first.Settings["Itsm:Records:SeedDemoEstate"] = "true";
        _ = first.Services;

        var cis = await AllAsync(first, RecordTypes.ConfigurationItem);
        cis.Should().HaveCount(file.Records.Count(r => r.Type == RecordTypes.ConfigurationItem));
        cis.Should().OnlyContain(ci => ci.Number!.StartsWith("CI", StringComparison.Ordinal));
        var assets = await AllAsync(first, RecordTypes.Asset);
        assets.Should().NotBeEmpty();
        (await AllAsync(first, RecordTypes.CatalogueEntry)).Should().NotBeEmpty();
        var spare = (await first.Services.GetRequiredService<RecordQueries>().FindAsync(RecordTypes.Asset, "demo-asset-spare-ap", default))!;
        spare.Links.Should().OnlyContain(l => l.Type == RecordTypes.ConfigurationItem && l.Number != null);
        spare.History.Single().Actor.Should().Be(DemoEstateSeeder.Actor);

        await using var restarted = new ItsmAppFactory(first.DataPath);
        restarted.Settings["Itsm:Records:SeedDemoEstate"] = "true";
        _ = restarted.Services;

        (await AllAsync(restarted, RecordTypes.ConfigurationItem)).Select(c => (c.RecordId, c.Number, c.Version))
            .Should().BeEquivalentTo(cis.Select(c => (c.RecordId, c.Number, c.Version)));
    }

    [Fact]
    public async Task Demo_estate_is_not_seeded_when_turned_off()
    {
        await using var app = new ItsmAppFactory();
        app.Settings["Itsm:Records:SeedDemoEstate"] = "false";
        _ = app.Services;

        foreach (var type in RecordTypes.All) (await AllAsync(app, type)).Should().BeEmpty(type);
    }
}
