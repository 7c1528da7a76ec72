using Itsm.Benchmarks.Commands;

namespace Itsm.Benchmarks.Cli;

/// <summary>Every command the dispatcher knows. Add a command by adding its definition here.</summary>
internal static class CommandRegistry
{
    /// <summary>In the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<BenchCommand> All { get; } =
    [
        SqliteCommitCommand.Definition,
        LoadCommand.Definition,
        PeakCommand.Definition,
        EngineStepsCommand.Definition,
        Storage.InstanceBytesCommand.Definition,
        Timers.PendingTimersCommand.Definition,
        // Not implemented yet: exits 2 until the HTTP surface's webhook benchmark lands.
        WebhookCommand.Definition,
        WebhookPostgreSqlCommand.Definition,
    ];

    public static IReadOnlyDictionary<string, BenchCommand> ByName { get; } =
        All.ToDictionary(c => c.Name, StringComparer.Ordinal);
}
