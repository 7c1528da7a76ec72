using Itsm.Benchmarks.Cli;

namespace Itsm.Benchmarks.Commands;

/// <summary>
/// RESERVED for the lead: <c>engine-steps</c>, the in-memory per-step cost of the workflow engine
/// (no persistence, no HTTP). Replace <see cref="RunAsync"/>; the registration in
/// <see cref="CommandRegistry"/> already points here.
/// </summary>
internal static class EngineStepsCommand
{
    public static BenchCommand Definition { get; } = new(
        "engine-steps",
        "[not implemented yet] in-memory per-step cost of the workflow engine",
        "engine-steps   (not implemented yet)",
        RunAsync);

    private static Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("engine-steps: not implemented yet (reserved; see bench/Itsm.Benchmarks/Commands/EngineStepsCommand.cs)");
        return Task.FromResult(2);
    }
}
