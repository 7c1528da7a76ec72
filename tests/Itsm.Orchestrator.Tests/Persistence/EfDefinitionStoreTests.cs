using Itsm.Orchestrator.Persistence;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

public sealed class EfDefinitionStoreTests : StoreTestBase
{
    [Fact]
    public async Task Saved_version_round_trips_and_is_found_by_every_lookup()
    {
        var v1 = Definition("incident", 1, isLatest: true, isPublished: true);
        await Definitions.SaveAsync([v1], Ct);

        (await Definitions.FindByVersionIdAsync("incident:v1", Ct)).Should().Be(v1);
        (await Definitions.FindLatestAsync("incident", Ct)).Should().Be(v1);
        (await Definitions.FindPublishedAsync("incident", Ct)).Should().Be(v1);
        (await Definitions.FindVersionAsync("incident", 1, Ct)).Should().Be(v1);
        (await Definitions.FindVersionAsync("incident", 2, Ct)).Should().BeNull();
        (await Definitions.FindByVersionIdAsync("missing", Ct)).Should().BeNull();
    }

    [Fact]
    public async Task Saving_a_new_latest_version_takes_the_latest_flag_from_the_previous_one()
    {
        await Definitions.SaveAsync([Definition("incident", 1, isLatest: true, isPublished: true)], Ct);

        await Definitions.SaveAsync([Definition("incident", 2, isLatest: true, isPublished: false)], Ct);

        var versions = await Definitions.ListVersionsAsync("incident", Ct);
        versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)).Should().Equal((1, false, true), (2, true, false));
        (await Definitions.FindLatestAsync("incident", Ct))!.Version.Should().Be(2);
        (await Definitions.FindPublishedAsync("incident", Ct))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task Publishing_a_version_unpublishes_the_previous_one_and_leaves_other_definitions_alone()
    {
        await Definitions.SaveAsync(
            [
                Definition("incident", 1, isLatest: false, isPublished: true),
                Definition("incident", 2, isLatest: true, isPublished: false),
                Definition("change", 1, isLatest: true, isPublished: true),
            ],
            Ct);

        await Definitions.SaveAsync([Definition("incident", 2, isLatest: true, isPublished: true)], Ct);

        (await Definitions.FindPublishedAsync("incident", Ct))!.Version.Should().Be(2);
        (await Definitions.FindVersionAsync("incident", 1, Ct))!.IsPublished.Should().BeFalse();
        (await Definitions.FindPublishedAsync("change", Ct))!.Version.Should().Be(1);
        (await Definitions.ListPublishedAsync(Ct)).Select(d => d.Id).Should().Equal("change:v1", "incident:v2");
    }

    [Fact]
    public async Task Saving_an_existing_version_replaces_its_content()
    {
        await Definitions.SaveAsync([Definition("incident", 1, isLatest: true, isPublished: false)], Ct);
        var edited = Definition("incident", 1, isLatest: true, isPublished: false, name: "Incident (edited)") with { ModelJson = "{\"edited\":true}" };

        await Definitions.SaveAsync([edited], Ct);

        (await Definitions.FindByVersionIdAsync("incident:v1", Ct)).Should().Be(edited);
        (await Definitions.ListVersionsAsync("incident", Ct)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_batch_with_two_latest_versions_of_one_definition_is_refused_and_writes_nothing()
    {
        var act = () => Definitions.SaveAsync(
            [Definition("incident", 1, isLatest: true, isPublished: false), Definition("incident", 2, isLatest: true, isPublished: false)],
            Ct);

        await act.Should().ThrowAsync<ArgumentException>();
        (await Definitions.ListVersionsAsync("incident", Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_batch_with_two_published_versions_of_one_definition_is_refused()
    {
        var act = () => Definitions.SaveAsync(
            [Definition("incident", 1, isLatest: false, isPublished: true), Definition("incident", 2, isLatest: true, isPublished: true)],
            Ct);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Concurrent_saves_of_new_latest_versions_leave_exactly_one_latest()
    {
        await Task.WhenAll(Enumerable.Range(1, 20).Select(v =>
            Task.Run(() => Definitions.SaveAsync([Definition("incident", v, isLatest: true, isPublished: v % 2 == 0)], Ct))));

        var versions = await Definitions.ListVersionsAsync("incident", Ct);
        versions.Should().HaveCount(20);
        versions.Count(v => v.IsLatest).Should().Be(1);
        versions.Count(v => v.IsPublished).Should().Be(1);
    }

    [Theory]
    [InlineData(VersionSelector.Latest, new[] { "change:v1", "incident:v3", "problem:v2" })]
    [InlineData(VersionSelector.Published, new[] { "change:v1", "incident:v2", "problem:v1" })]
    [InlineData(VersionSelector.LatestOrPublished, new[] { "change:v1", "incident:v2", "incident:v3", "problem:v1", "problem:v2" })]
    [InlineData(VersionSelector.Draft, new[] { "incident:v3", "problem:v2" })]
    [InlineData(VersionSelector.AllVersions, new[] { "change:v1", "incident:v1", "incident:v2", "incident:v3", "problem:v1", "problem:v2" })]
    public async Task List_selects_versions_by_selector(VersionSelector selector, string[] expected)
    {
        await SeedAsync();

        var page = await Definitions.ListAsync(new DefinitionQuery { Versions = selector }, Ct);

        page.Items.Select(d => d.Id).Should().Equal(expected);
        page.TotalCount.Should().Be(expected.Length);
    }

    [Fact]
    public async Task List_selects_a_specific_version_number()
    {
        await SeedAsync();

        var page = await Definitions.ListAsync(new DefinitionQuery { Versions = VersionSelector.Specific, SpecificVersion = 2 }, Ct);

        page.Items.Select(d => d.Id).Should().Equal("incident:v2", "problem:v2");
    }

    [Fact]
    public async Task List_filters_by_definition_ids_and_search_term()
    {
        await SeedAsync();

        (await Definitions.ListAsync(new DefinitionQuery { Versions = VersionSelector.AllVersions, DefinitionIds = ["problem"] }, Ct))
            .Items.Select(d => d.Id).Should().Equal("problem:v1", "problem:v2");
        (await Definitions.ListAsync(new DefinitionQuery { SearchTerm = "CHANGE" }, Ct))
            .Items.Select(d => d.Id).Should().Equal("change:v1");
    }

    [Fact]
    public async Task List_orders_and_pages_with_total_count()
    {
        await SeedAsync();
        var query = new DefinitionQuery { Versions = VersionSelector.AllVersions, OrderBy = DefinitionOrder.CreatedAt, Descending = true, PageSize = 4 };

        var first = await Definitions.ListAsync(query, Ct);
        var second = await Definitions.ListAsync(query with { Page = 1 }, Ct);

        first.TotalCount.Should().Be(6);
        second.TotalCount.Should().Be(6);
        first.Items.Concat(second.Items).Select(d => d.CreatedAt).Should().BeInDescendingOrder();
        first.Items.Concat(second.Items).Should().HaveCount(6).And.OnlyHaveUniqueItems(d => d.Id);

        var byVersion = await Definitions.ListAsync(query with { OrderBy = DefinitionOrder.Version, Descending = false, PageSize = 10 }, Ct);
        byVersion.Items.Select(d => d.Id).Should().Equal("change:v1", "incident:v1", "problem:v1", "incident:v2", "problem:v2", "incident:v3");
    }

    [Fact]
    public async Task Deleting_the_latest_version_makes_the_highest_remaining_version_latest()
    {
        await SeedAsync();

        (await Definitions.DeleteVersionAsync("incident:v3", Ct)).Should().BeTrue();

        (await Definitions.FindLatestAsync("incident", Ct))!.Id.Should().Be("incident:v2");
        (await Definitions.DeleteVersionAsync("incident:v3", Ct)).Should().BeFalse();
    }

    [Fact]
    public async Task Deleting_a_definition_removes_all_its_versions()
    {
        await SeedAsync();

        (await Definitions.DeleteDefinitionAsync("incident", Ct)).Should().Be(3);

        (await Definitions.ListVersionsAsync("incident", Ct)).Should().BeEmpty();
        (await Definitions.ListVersionsAsync("problem", Ct)).Should().HaveCount(2);
        (await Definitions.DeleteDefinitionAsync("incident", Ct)).Should().Be(0);
    }

    /// <summary>incident v1..v3 (v2 published, v3 draft latest), problem v1 published + v2 draft, change v1 latest+published.</summary>
    private Task SeedAsync() => Definitions.SaveAsync(
        [
            Definition("incident", 1, isLatest: false, isPublished: false, name: "Incident"),
            Definition("incident", 2, isLatest: false, isPublished: true, name: "Incident"),
            Definition("incident", 3, isLatest: true, isPublished: false, name: "Incident"),
            Definition("problem", 1, isLatest: false, isPublished: true, name: "Problem"),
            Definition("problem", 2, isLatest: true, isPublished: false, name: "Problem"),
            Definition("change", 1, isLatest: true, isPublished: true, name: "Change", createdAt: T0.AddHours(5)),
        ],
        Ct);
}
