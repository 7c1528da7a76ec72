using Itsm.Orchestrator.Hosting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Timers;

/// <summary>Moves the timer horizon forward every <see cref="TimerOptions.ScanInterval"/>.</summary>
public sealed class TimerHorizonService(
    TimerHorizon horizon,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    IOptions<TimerOptions> options,
    ILogger<TimerHorizonService> logger) : PeriodicWork(lifetime, clock, logger)
{
    protected override string Name => "Scanning the timer horizon";

    protected override TimeSpan Interval => options.Value.ScanInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => horizon.ScanAsync(cancellationToken);
}
