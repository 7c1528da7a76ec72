using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>A start under a pre-generated id happens once: a racing duplicate fails the revision-0 insert guard and writes nothing.</summary>
public sealed class ReservedInstanceIdTests : IAsyncLifetime
{
    private readonly WebhookHost _host = new();

    public async Task InitializeAsync() => await _host.PublishAsync(ApiFlow.Counter());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_start_takes_the_given_instance_id()
    {
        var runtime = _host.Services.GetRequiredService<IWorkflowRuntime>();

        var started = await runtime.StartAsync(new StartRequest("counter") { InstanceId = "0196f0c0aaaa7bbb8cccdddd000000aa" }, CancellationToken.None);

        started.InstanceId.Should().Be("0196f0c0aaaa7bbb8cccdddd000000aa");
    }

    [Fact]
    public async Task A_second_start_under_the_same_id_is_a_conflict_and_writes_nothing()
    {
        var runtime = _host.Services.GetRequiredService<IWorkflowRuntime>();
        var request = new StartRequest("counter") { InstanceId = "0196f0c0aaaa7bbb8cccdddd000000bb" };
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return await runtime.StartAsync(request, CancellationToken.None);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }));

        results.Count(r => r is not null).Should().Be(1);
        (await _host.InstanceCountAsync()).Should().Be(1);
        var journal = await _host.Root.Queries.ListJournalAsync("0196f0c0aaaa7bbb8cccdddd000000bb", 0, 1000, CancellationToken.None);
        journal.Select(j => j.ActivityId).Should().OnlyHaveUniqueItems("the losers' journals were not written");
    }
}
