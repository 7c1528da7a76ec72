using Itsm.Orchestrator.Hosting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Outbox;

/// <summary>
/// Polls for follow-up work nobody is carrying out. Starts only once the host is serving, so work that crashed the
/// previous run cannot stop an administrator from reaching the API (the instance-attempt count quarantines it).
/// </summary>
public sealed partial class OutboxPoller(
    OutboxDispatcher dispatcher,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await lifetime.WaitForStartedAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await dispatcher.PollOnceAsync(stoppingToken) >= options.Value.BatchSize)
                    {
                        // A full batch: there may be more due right now.
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPollFailed(ex);
                }
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Error, "Polling for follow-up work failed; trying again at the next interval")]
    private partial void LogPollFailed(Exception exception);
}
