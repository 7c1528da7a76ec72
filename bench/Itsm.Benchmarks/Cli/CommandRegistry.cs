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
        // Reserved for the lead; both are placeholders that exit 2 until implemented.
        EngineStepsCommand.Definition,
        WebhookCommand.Definition,
    ];

    public static IReadOnlyDictionary<string, BenchCommand> ByName { get; } =
        All.ToDictionary(c => c.Name, StringComparer.Ordinal);
}
