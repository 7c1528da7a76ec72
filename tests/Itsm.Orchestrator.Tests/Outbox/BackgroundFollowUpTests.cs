using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Tests.Outbox;

/// <summary>A commit's follow-up work runs behind its caller, bounded, and is finished before the host stops.</summary>
public sealed class BackgroundFollowUpTests
{
    private const string Kind = "test.blocking";

    /// <summary>Holds every item until released, and counts what it carried out.</summary>
    private sealed class BlockingHandler : IOutboxHandler
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Started;

        public int Done;

        public string Kind => BackgroundFollowUpTests.Kind;

        public async Task HandleAsync(OutboxRecord item, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Started);
            await Release.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref Done);
        }
    }

    private static (OutboxDispatcher Dispatcher, BlockingHandler Handler) Dispatcher(ItsmAppFactory app, int maxInFlight)
    {
        var handler = new BlockingHandler();
        var services = new ServiceCollection().AddSingleton<IOutboxHandler>(handler).BuildServiceProvider();
        var dispatcher = new OutboxDispatcher(services, app.Store, app.Clock, Options.Create(new OutboxOptions { MaxInFlight = maxInFlight }),
            NullLogger<OutboxDispatcher>.Instance);
        return (dispatcher, handler);
    }

    private static async Task<OutboxRecord> StoredItemAsync(ItsmAppFactory app, string id)
    {
        var item = new OutboxRecord(id, Kind, null, "{}", app.Clock.GetUtcNow(), app.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), 0, null);
        await app.Store.WriteRecordsAsync([], [item], default);
        return item;
    }

    private static async Task<IEnumerable<string>> OutboxIdsAsync(ItsmAppFactory app) =>
        (await app.Queries.ListOutboxAsync(0, 100, default)).Items.Select(i => i.Id);

    [Fact]
    public async Task The_caller_goes_on_while_its_follow_up_runs_and_the_row_is_removed_once_it_is_done()
    {
        await using var app = new ItsmAppFactory();
        var (dispatcher, handler) = Dispatcher(app, maxInFlight: 4);
        using var _ = dispatcher;
        var item = await StoredItemAsync(app, "bg-1");

        await dispatcher.DispatchAsync([item], default);

        (await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref handler.Started) == 1))).Should().BeTrue();
        handler.Done.Should().Be(0, "the dispatch returned while the handler still waits");
        (await OutboxIdsAsync(app)).Should().Contain("bg-1", "unfinished work stays in the outbox");

        handler.Release.SetResult();
        await dispatcher.DrainAsync(default);

        handler.Done.Should().Be(1);
        (await OutboxIdsAsync(app)).Should().NotContain("bg-1");
    }

    [Fact]
    public async Task Past_the_in_flight_limit_a_caller_waits_for_a_slot()
    {
        await using var app = new ItsmAppFactory();
        var (dispatcher, handler) = Dispatcher(app, maxInFlight: 1);
        using var _ = dispatcher;
        var first = await StoredItemAsync(app, "bg-first");
        var second = await StoredItemAsync(app, "bg-second");

        await dispatcher.DispatchAsync([first], default);
        var waiting = dispatcher.DispatchAsync([second], default).AsTask();

        await Task.Delay(100);
        waiting.IsCompleted.Should().BeFalse("the only slot is held by the first commit's work");
        handler.Release.SetResult();
        await waiting;
        await dispatcher.DrainAsync(default);

        handler.Done.Should().Be(2);
        (await OutboxIdsAsync(app)).Should().NotContain(["bg-first", "bg-second"]);
    }
}
