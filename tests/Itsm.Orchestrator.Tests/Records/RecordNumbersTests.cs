using Itsm.Activities.Itil;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>The host's record numbers (<see cref="IRecordNumbers"/>) on the provider under test.</summary>
public sealed class RecordNumbersTests
{
    [Fact]
    public async Task Concurrent_allocations_of_one_type_are_all_distinct()
    {
        await using var app = new ItsmAppFactory();
        var numbers = app.Services.GetRequiredService<IRecordNumbers>();

        // The first allocations race to create the type's counter row, the rest to increment it.
        var allocated = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => Task.Run(async () => await numbers.NextAsync(RecordTypes.Incident, default))));

        allocated.Should().OnlyHaveUniqueItems();
        allocated.Should().AllSatisfy(n => n.Should().MatchRegex("^INC[0-9]{7}$"));
    }

    [Fact]
    public async Task Each_type_counts_on_its_own_with_its_prefix()
    {
        await using var app = new ItsmAppFactory();
        var numbers = app.Services.GetRequiredService<IRecordNumbers>();

        (await numbers.NextAsync(RecordTypes.Incident, default)).Should().Be("INC0000001");
        (await numbers.NextAsync(RecordTypes.Incident, default)).Should().Be("INC0000002");
        (await numbers.NextAsync(RecordTypes.Change, default)).Should().Be("CHG0000001");
        (await numbers.NextAsync(RecordTypes.ConfigurationItem, default)).Should().Be("CI0000001");
    }

    [Fact]
    public async Task Two_hosts_on_one_database_draw_from_one_sequence()
    {
        await using var first = new ItsmAppFactory();
        await using var second = new ItsmAppFactory(first.DataPath);

        (await first.Services.GetRequiredService<IRecordNumbers>().NextAsync(RecordTypes.Problem, default)).Should().Be("PRB0000001");
        (await second.Services.GetRequiredService<IRecordNumbers>().NextAsync(RecordTypes.Problem, default)).Should().Be("PRB0000002");
        (await first.Services.GetRequiredService<IRecordNumbers>().NextAsync(RecordTypes.Problem, default)).Should().Be("PRB0000003");
    }

    [Fact]
    public async Task Unknown_record_type_is_refused()
    {
        await using var app = new ItsmAppFactory();
        var numbers = app.Services.GetRequiredService<IRecordNumbers>();

        await FluentActions.Awaiting(async () => await numbers.NextAsync("no-such-type", default))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*no-such-type*");
    }
}
