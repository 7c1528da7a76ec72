namespace Itsm.Benchmarks.Cli;

/// <summary>One entry of the dispatcher: a name, what it does, how to call it, and its body.</summary>
/// <param name="Name">The word typed after <c>--</c>, e.g. <c>sqlite-commit</c>.</param>
/// <param name="Summary">One line for the <c>--help</c> listing.</param>
/// <param name="Usage">Full usage text shown by <c>&lt;command&gt; --help</c> and on a usage error.</param>
/// <param name="RunAsync">Returns the process exit code.</param>
public sealed record BenchCommand(
    string Name,
    string Summary,
    string Usage,
    Func<CommandArgs, CancellationToken, Task<int>> RunAsync);
