using Itsm.Orchestrator.Hosting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Outbox;

/// <summary>Polls every <see cref="OutboxOptions.PollInterval"/> for follow-up work nobody is carrying out (after a crash, or a back-off).</summary>
public sealed class OutboxPoller(
    OutboxDispatcher dispatcher,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxPoller> logger) : PeriodicWork(lifetime, clock, logger)
{
    protected override string Name => "Polling for follow-up work";

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        while (await dispatcher.PollOnceAsync(cancellationToken).ConfigureAwait(false) >= options.Value.BatchSize)
        {
            // A full batch: there may be more due right now.
        }
    }

    /// <summary>Stops polling, then waits for the follow-up work this node started after its commits.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await dispatcher.DrainAsync(cancellationToken).ConfigureAwait(false);
    }
}
