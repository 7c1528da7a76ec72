using Itsm.Benchmarks.Cli;

namespace Itsm.Benchmarks.Commands;

/// <summary>
/// RESERVED for the lead: <c>webhook</c>. Intended shape: start the orchestrator on loopback in a
/// second process, find its peak with <see cref="Http.ClosedLoopPeakProbe"/>, drive it with
/// <see cref="Http.OpenLoopLoadGenerator"/> at half that rate (a body with <c>{{seq}}</c> or a custom
/// <see cref="Http.IRequestFactory"/> gives each call its own instance), and print the figures beside
/// <see cref="Sqlite.SqliteCommitRate.MeasureAsync(TimeSpan)"/> measured in the same run.
/// Replace <see cref="RunAsync"/>; the registration in <see cref="CommandRegistry"/> already points here.
/// </summary>
internal static class WebhookCommand
{
    public static BenchCommand Definition { get; } = new(
        "webhook",
        "[not implemented yet] orchestrator webhook throughput/latency vs the SQLite commit ceiling",
        "webhook   (not implemented yet)",
        RunAsync);

    private static Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("webhook: not implemented yet (reserved; see bench/Itsm.Benchmarks/Commands/WebhookCommand.cs)");
        return Task.FromResult(2);
    }
}
