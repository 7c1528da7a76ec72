using Itsm.Activities.Itil;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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
    public async Task Concurrent_allocations_leave_no_gap_and_another_host_draws_after_them()
    {
        await using var first = new ItsmAppFactory();
        var numbers = first.Services.GetRequiredService<IRecordNumbers>();
        var allocated = await Task.WhenAll(Enumerable.Range(0, 150)
            .Select(_ => Task.Run(async () => await numbers.NextAsync(RecordTypes.Change, default))));

        allocated.Order(StringComparer.Ordinal).Should().Equal(Enumerable.Range(1, 150).Select(n => $"CHG{n:D7}"));
        // What the burst reserved ahead is handed out next by the same host, so its sequence has no gap.
        (await numbers.NextAsync(RecordTypes.Change, default)).Should().Be("CHG0000151");
        await using var second = new ItsmAppFactory(first.DataPath);
        var fromSecond = await second.Services.GetRequiredService<IRecordNumbers>().NextAsync(RecordTypes.Change, default);
        string.CompareOrdinal(fromSecond, "CHG0000151").Should().BePositive("a second host draws after every number the first reserved");
    }

    [Fact]
    public async Task A_quiet_caller_reserves_one_number_at_a_time_and_callers_under_load_take_them_from_a_block_reserved_ahead()
    {
        var reservations = new List<int>();
        long counter = 0;
        // A reservation takes a moment, as a database round trip does, so callers under load queue behind it.
        using var block = new NumberBlock("incident", async (_, size, _) =>
        {
            lock (reservations) reservations.Add(size);
            await Task.Delay(1, CancellationToken.None);
            return Interlocked.Add(ref counter, size);
        }, RecordNumbers.MaxBlock, TimeProvider.System);

        (await block.NextAsync(default)).Should().Be(1);
        (await block.NextAsync(default)).Should().Be(2);
        reservations.Should().Equal([1, 1], "one caller at a time reserves nothing it does not use: no gap on a restart");

        var gate = new TaskCompletionSource();
        var burst = Enumerable.Range(0, 200).Select(_ => Task.Run(async () => { await gate.Task; return await block.NextAsync(default); })).ToList();
        gate.SetResult();
        var numbers = await Task.WhenAll(burst);

        numbers.Order().Should().Equal(Enumerable.Range(3, 200).Select(n => (long)n), "every caller gets the next number, none twice");
        reservations.Count.Should().BeLessThan(200 / 4, "callers under load share reservations instead of queueing one each");
        reservations.Should().OnlyContain(size => size >= 1 && size <= RecordNumbers.MaxBlock);
    }

    [Fact]
    public async Task Callers_waiting_together_share_one_reservation()
    {
        var (gated, reservations, release) = GatedBlock(TimeProvider.System);
        using var block = gated;

        var first = block.NextAsync(default).AsTask();
        var queued = Enumerable.Range(0, 10).Select(_ => block.NextAsync(default).AsTask()).ToList();
        release.SetResult();
        var numbers = await Task.WhenAll(queued.Prepend(first));

        numbers.Order().Should().Equal(Enumerable.Range(1, 11).Select(n => (long)n));
        reservations.Take(2).Should().Equal([1, 10], "the ten callers that queued behind the first reservation take one block of ten");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, false)]
    public async Task A_block_half_used_soon_after_its_reservation_has_the_next_one_reserved_ahead(int secondsLater, bool reservedAhead)
    {
        var clock = new FakeTimeProvider();
        var (gated, reservations, release) = GatedBlock(clock);
        using var block = gated;
        var first = block.NextAsync(default).AsTask();
        var queued = Enumerable.Range(0, 10).Select(_ => block.NextAsync(default).AsTask()).ToList();
        release.SetResult();
        await Task.WhenAll(queued.Prepend(first));
        reservations.Should().Equal([1, 10, 20], "callers queued behind one another reserved the next block ahead");

        // The block reserved ahead comes into use; then one caller at a time, nobody waiting behind it: only the pace
        // tells whether demand is steady.
        (await block.NextAsync(default)).Should().Be(12);
        clock.Advance(TimeSpan.FromSeconds(secondsLater));
        for (var i = 0; i < 9; i++) await block.NextAsync(default);

        if (reservedAhead)
        {
            reservations.Should().Equal([1, 10, 20, 40], "half the block went within a second of its reservation");
            (await block.NextAsync(default)).Should().Be(22, "the block in hand is used up before the one reserved ahead");
        }
        else
        {
            reservations.Should().Equal([1, 10, 20], "a slow pace reserves nothing ahead, so a quiet host leaves no gap");
            for (var i = 0; i < 10; i++) await block.NextAsync(default);
            (await block.NextAsync(default)).Should().Be(32);
            reservations.Should().Equal([1, 10, 20, 1], "past the block a lone caller reserves one number again");
        }
    }

    /// <summary>A block whose reservations wait for <c>Release</c> (so callers queue behind them) and are listed by size.</summary>
    private static (NumberBlock Block, List<int> Reservations, TaskCompletionSource Release) GatedBlock(TimeProvider clock)
    {
        var reservations = new List<int>();
        var release = new TaskCompletionSource();
        long counter = 0;
        var block = new NumberBlock("incident", async (_, size, _) =>
        {
            lock (reservations) reservations.Add(size);
            await release.Task;
            return Interlocked.Add(ref counter, size);
        }, RecordNumbers.MaxBlock, clock);
        return (block, reservations, release);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_takes_no_number_and_causes_no_duplicate()
    {
        var release = new TaskCompletionSource();
        long counter = 0;
        using var block = new NumberBlock("incident", async (_, size, _) =>
        {
            await release.Task;
            return Interlocked.Add(ref counter, size);
        }, RecordNumbers.MaxBlock, TimeProvider.System);
        using var giveUp = new CancellationTokenSource();

        var first = block.NextAsync(default).AsTask();
        var cancelled = block.NextAsync(giveUp.Token).AsTask();
        var patient = block.NextAsync(default).AsTask();
        await giveUp.CancelAsync();
        release.SetResult();

        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        (await Task.WhenAll(first, patient)).Should().Equal(1, 2);
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
