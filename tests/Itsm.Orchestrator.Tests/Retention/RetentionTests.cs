using Itsm.Activities.Model;
using Itsm.Orchestrator.Retention;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;
using Itsm.Orchestrator.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Retention;

/// <summary>Finished and cancelled instances older than the retention period are deleted with their rows; faulted and running ones stay.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly WebhookHost _host = new(new Dictionary<string, string>
    {
        ["Itsm:Retention:BatchSize"] = "2",
        ["Itsm:Retention:PauseBetweenBatches"] = "00:00:00",
    });

    private IWorkflowRuntime Runtime => _host.Services.GetRequiredService<IWorkflowRuntime>();

    public async Task InitializeAsync()
    {
        await _host.PublishAsync(ApiFlow.Counter());
        await _host.PublishAsync(ApiFlow.Task());
        await _host.PublishAsync(ApiFlow.Faulting());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> StartAsync(string definitionId)
        => (await Runtime.StartAsync(new StartRequest(definitionId), CancellationToken.None)).InstanceId!;

    private async Task<bool> ExistsAsync(string instanceId)
        => await _host.Root.Store.FindInstanceAsync(instanceId, CancellationToken.None) is not null;

    [Fact]
    public async Task Old_finished_and_cancelled_instances_are_deleted_with_their_rows_in_the_background()
    {
        var finished = new List<string>();
        for (var i = 0; i < 5; i++) finished.Add(await StartAsync("counter"));
        var cancelled = await StartAsync("triage");
        (await Runtime.CancelAsync(cancelled, CancellationToken.None)).Outcome.Should().Be(CommandOutcome.Done);
        var faulted = await StartAsync("broken");
        var waiting = await StartAsync("triage");
        (await _host.Root.InstanceAsync(faulted)).Record.Status.Should().Be(InstanceStatus.Faulted);

        _host.Root.Clock.Advance(TimeSpan.FromDays(31));

        (await Eventually.HoldsAsync(async () => !await ExistsAsync(finished[^1]) && !await ExistsAsync(cancelled))).Should().BeTrue();
        foreach (var id in finished) (await ExistsAsync(id)).Should().BeFalse();
        (await _host.Root.Queries.ListJournalAsync(finished[0], 0, 100, CancellationToken.None)).Should().BeEmpty();
        (await _host.Root.Store.ListBookmarksOfInstanceAsync(cancelled, CancellationToken.None)).Should().BeEmpty();
        (await ExistsAsync(faulted)).Should().BeTrue("a faulted instance waits for an admin");
        (await ExistsAsync(waiting)).Should().BeTrue("a running instance is never purged");
        (await _host.Root.Store.ListBookmarksOfInstanceAsync(waiting, CancellationToken.None)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Instances_finished_within_the_period_are_kept()
    {
        var recent = await StartAsync("counter");
        _host.Root.Clock.Advance(TimeSpan.FromDays(29));
        var service = _host.Services.GetRequiredService<RetentionService>();

        var deleted = await service.PurgeAsync(CancellationToken.None);

        deleted.Should().Be(0);
        (await ExistsAsync(recent)).Should().BeTrue();
    }

    [Fact]
    public async Task A_round_deletes_in_batches_until_nothing_old_is_left()
    {
        for (var i = 0; i < 5; i++) await StartAsync("counter");
        _host.Root.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        var service = _host.Services.GetRequiredService<RetentionService>();
        // The background round the clock advance woke may take some; together they delete all five.
        var deleted = await service.PurgeAsync(CancellationToken.None);

        deleted.Should().BeInRange(0, 5);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }
}
