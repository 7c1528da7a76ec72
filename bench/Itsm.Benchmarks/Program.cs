using System.Runtime.InteropServices;
using Itsm.Benchmarks.Cli;

namespace Itsm.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Itsm.Benchmarks -- &lt;command&gt; [options]</c>.
/// A namespaced Main rather than top-level statements: the Orchestrator's global <c>Program</c> is
/// visible here (InternalsVisibleTo), and a second global one would clash with it.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintHelp();
            return args.Length == 0 ? 2 : 0;
        }

        if (!CommandRegistry.ByName.TryGetValue(args[0], out var command))
        {
            await Console.Error.WriteLineAsync($"unknown command '{args[0]}'").ConfigureAwait(false);
            PrintHelp();
            return 2;
        }

        var rest = args[1..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine("usage: " + command.Usage.TrimEnd());
            return 0;
        }

        using var cancellation = new CancellationTokenSource();
        // First Ctrl+C stops the run gracefully (figures for the shorter window); a second one kills.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var parsed = CommandArgs.Parse(rest);
            Console.WriteLine(
                $"# {command.Name} | .NET {Environment.Version} | {Environment.ProcessorCount} cores | {RuntimeInformation.OSDescription} | {DateTimeOffset.UtcNow:u}");
            return await command.RunAsync(parsed, cancellation.Token).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync("usage: " + command.Usage.TrimEnd()).ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("canceled").ConfigureAwait(false);
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void PrintHelp()
    {
        Console.WriteLine("usage: dotnet run -c Release --project bench/Itsm.Benchmarks -- <command> [options]");
        Console.WriteLine("       <command> --help   shows a command's options");
        Console.WriteLine();
        Console.WriteLine("commands:");
        var width = CommandRegistry.All.Max(c => c.Name.Length) + 2;
        foreach (var command in CommandRegistry.All)
        {
            Console.WriteLine($"  {command.Name.PadRight(width)}{command.Summary}");
        }
    }
}
