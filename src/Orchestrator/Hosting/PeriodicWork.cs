namespace Itsm.Orchestrator.Hosting;

/// <summary>
/// Work a node repeats every <see cref="Interval"/> once the host serves requests — the outbox poll, the timer
/// horizon, retention. Starting only after the host serves keeps work that crashed the previous run from stopping an
/// administrator reaching the API; a failed round is logged and tried again at the next interval, never taking the
/// host down. Waits use <see cref="TimeProvider"/>, so tests drive the rounds with a fake clock.
/// </summary>
public abstract partial class PeriodicWork(IHostApplicationLifetime lifetime, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>What the log calls this work.</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    /// <summary>One round of the work.</summary>
    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        try
        {
            await lifetime.WaitForStartedAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunRoundAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(logger, ex, Name);
                }
                await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Error, "{Work} failed; trying again at the next interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string work);
}
