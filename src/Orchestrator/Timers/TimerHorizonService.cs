using Itsm.Orchestrator.Hosting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Timers;

/// <summary>Moves the timer horizon forward every <see cref="TimerOptions.ScanInterval"/>, starting once the host serves.</summary>
public sealed partial class TimerHorizonService(
    TimerHorizon horizon,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    IOptions<TimerOptions> options,
    ILogger<TimerHorizonService> logger) : BackgroundService
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
                    await horizon.ScanAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogScanFailed(ex);
                }
                await Task.Delay(options.Value.ScanInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Error, "Scanning the timer horizon failed; trying again at the next interval")]
    private partial void LogScanFailed(Exception exception);
}
