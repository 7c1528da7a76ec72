using Itsm.Activities.Model;
using Itsm.Orchestrator.Persistence;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

public sealed class InstanceListTests : StoreTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // 30 instances, one minute apart; every third finished, every fifth in another definition.
        for (var n = 0; n < 30; n++)
        {
            var finished = n % 3 == 0;
            var instance = Instance(
                $"i{n:D2}",
                definitionId: n % 5 == 0 ? "change" : "incident",
                status: finished ? InstanceStatus.Finished : n % 2 == 0 ? InstanceStatus.Suspended : InstanceStatus.Running,
                correlationId: $"INC-{n:D2}",
                name: n == 7 ? "Printer on fire" : $"Instance {n}",
                createdAt: T0.AddMinutes(n),
                updatedAt: T0.AddMinutes(100 - n),
                finishedAt: finished ? T0.AddMinutes(200 + (n % 4)) : null);
            await Store.CommitAsync([Create(instance)], Ct);
        }
    }

    [Fact]
    public async Task Pages_are_newest_first_with_the_total_of_all_matches()
    {
        var first = await Queries.ListInstancesAsync(new InstanceQuery { PageSize = 10 }, Ct);
        var third = await Queries.ListInstancesAsync(new InstanceQuery { PageSize = 10, Page = 2 }, Ct);

        first.TotalCount.Should().Be(30);
        first.Items.Select(i => i.Id).Should().Equal(Ids(29, 20));
        third.Items.Select(i => i.Id).Should().Equal(Ids(9, 0));
        third.TotalCount.Should().Be(30);
    }

    [Fact]
    public async Task Ascending_order_lists_oldest_first()
    {
        var page = await Queries.ListInstancesAsync(new InstanceQuery { PageSize = 3, Ascending = true }, Ct);

        page.Items.Select(i => i.Id).Should().Equal("i00", "i01", "i02");
    }

    [Fact]
    public async Task Filters_narrow_items_and_total_count()
    {
        var changes = await Queries.ListInstancesAsync(new InstanceQuery { DefinitionId = "change", PageSize = 2 }, Ct);
        changes.TotalCount.Should().Be(6);
        changes.Items.Select(i => i.Id).Should().Equal("i25", "i20");

        var finishedOrSuspended = await Queries.ListInstancesAsync(
            new InstanceQuery { Statuses = [InstanceStatus.Finished, InstanceStatus.Suspended] }, Ct);
        finishedOrSuspended.Items.Should().OnlyContain(i => i.Status == InstanceStatus.Finished || i.Status == InstanceStatus.Suspended);
        finishedOrSuspended.TotalCount.Should().Be(Enumerable.Range(0, 30).Count(n => n % 3 == 0 || n % 2 == 0));

        var byCorrelation = await Queries.ListInstancesAsync(new InstanceQuery { CorrelationId = "INC-04" }, Ct);
        byCorrelation.Items.Select(i => i.Id).Should().Equal("i04");

        var byVersion = await Queries.ListInstancesAsync(new InstanceQuery { DefinitionVersionId = "change:v1" }, Ct);
        byVersion.TotalCount.Should().Be(6);

        var window = await Queries.ListInstancesAsync(
            new InstanceQuery { CreatedFrom = T0.AddMinutes(10), CreatedTo = T0.AddMinutes(12), Ascending = true }, Ct);
        window.Items.Select(i => i.Id).Should().Equal("i10", "i11", "i12");
        window.TotalCount.Should().Be(3);
    }

    [Fact]
    public async Task Search_term_matches_name_id_or_correlation_id()
    {
        (await Queries.ListInstancesAsync(new InstanceQuery { SearchTerm = "printer" }, Ct)).Items.Select(i => i.Id).Should().Equal("i07");
        (await Queries.ListInstancesAsync(new InstanceQuery { SearchTerm = "i1" }, Ct)).TotalCount.Should().Be(10);
        (await Queries.ListInstancesAsync(new InstanceQuery { SearchTerm = "INC-2" }, Ct)).TotalCount.Should().Be(10);
        (await Queries.ListInstancesAsync(new InstanceQuery { SearchTerm = "%" }, Ct)).TotalCount.Should().Be(0, "wildcards are matched literally");
    }

    [Fact]
    public async Task Summaries_carry_the_instance_columns()
    {
        var summary = (await Queries.ListInstancesAsync(new InstanceQuery { CorrelationId = "INC-03" }, Ct)).Items.Single();

        summary.Should().BeEquivalentTo(new InstanceSummary(
            "i03", "incident", "incident:v1", 1, "Instance 3", InstanceStatus.Finished, "INC-03", null, 0,
            T0.AddMinutes(3), T0.AddMinutes(97), T0.AddMinutes(203)));
    }

    [Theory]
    [InlineData(InstanceOrder.CreatedAt, false)]
    [InlineData(InstanceOrder.CreatedAt, true)]
    [InlineData(InstanceOrder.UpdatedAt, false)]
    [InlineData(InstanceOrder.UpdatedAt, true)]
    [InlineData(InstanceOrder.FinishedAt, false)]
    [InlineData(InstanceOrder.FinishedAt, true)]
    public async Task Keyset_paging_with_after_walks_every_instance_once_in_page_order(InstanceOrder order, bool ascending)
    {
        var all = await Queries.ListInstancesAsync(new InstanceQuery { OrderBy = order, Ascending = ascending, PageSize = 100 }, Ct);

        var walked = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await Queries.ListInstancesAsync(
                new InstanceQuery { OrderBy = order, Ascending = ascending, PageSize = 7, After = after }, Ct);
            page.TotalCount.Should().Be(30);
            if (page.Items.Count == 0)
            {
                break;
            }

            walked.AddRange(page.Items.Select(i => i.Id));
            after = page.Items[^1].Id;
        }

        walked.Should().Equal(all.Items.Select(i => i.Id));
        walked.Should().OnlyHaveUniqueItems().And.HaveCount(30);
    }

    [Fact]
    public async Task Keyset_paging_applies_filters()
    {
        var first = await Queries.ListInstancesAsync(new InstanceQuery { DefinitionId = "change", PageSize = 4 }, Ct);
        var second = await Queries.ListInstancesAsync(new InstanceQuery { DefinitionId = "change", PageSize = 4, After = first.Items[^1].Id }, Ct);

        first.Items.Select(i => i.Id).Should().Equal("i25", "i20", "i15", "i10");
        second.Items.Select(i => i.Id).Should().Equal("i05", "i00");
        second.TotalCount.Should().Be(6);
    }

    [Fact]
    public async Task Keyset_paging_after_an_unknown_id_returns_no_items()
    {
        var page = await Queries.ListInstancesAsync(new InstanceQuery { After = "gone" }, Ct);

        page.Items.Should().BeEmpty();
        page.TotalCount.Should().Be(30);
    }

    private static string[] Ids(int from, int downTo) =>
        [.. Enumerable.Range(downTo, from - downTo + 1).Reverse().Select(n => $"i{n:D2}")];
}
