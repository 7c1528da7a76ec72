using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Http;
using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Commands;

/// <summary><c>peak</c>: closed-loop probe for peak throughput; open-loop runs then go at half of it.</summary>
internal static class PeakCommand
{
    public static BenchCommand Definition { get; } = new(
        "peak",
        "closed-loop probe with N workers to estimate peak throughput (open-loop runs use 50% of it)",
        "peak --url <url> [--concurrency <n>] [--duration <s>] [options]\n" +
        "peak --self-test\n" +
        HttpTargetArgs.Usage +
        """
          --concurrency <n>      workers, each with its own connection (default 64, at most 4096)
          --duration <s>         measured window, at most 120 (default 5; --self-test: 3)
          --warmup <s>           untimed lead-in (default 1)
          --self-test            run against an in-process Kestrel on 127.0.0.1
        """,
        RunAsync);

    private static async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.EnsureOnly([.. HttpTargetArgs.OptionNames, "concurrency", "duration", "warmup", "self-test"]);
        var selfTest = args.HasFlag("self-test");
        var concurrency = args.GetInt("concurrency", 64);
        if (concurrency < 1 || concurrency > LoadLimits.MaxConcurrency)
        {
            throw new UsageException($"--concurrency must be between 1 and {LoadLimits.MaxConcurrency}");
        }

        var duration = HttpTargetArgs.Seconds(args, "duration", selfTest ? 3 : 5);
        var warmup = HttpTargetArgs.Seconds(args, "warmup", 1);
        if (duration <= TimeSpan.Zero || warmup + duration > LoadLimits.MaxDuration)
        {
            throw new UsageException($"--duration must be > 0 and warmup + duration at most {LoadLimits.MaxDuration.TotalSeconds:F0} s");
        }

        await using var server = selfTest ? await SelfTestServer.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        var target = HttpTargetArgs.Build(args, server?.BaseUri);
        var report = ReportWriter.Console;
        report.Header("target");
        report.Line("url", target.Target.ToString());

        var result = await ClosedLoopPeakProbe.RunAsync(target, concurrency, duration, warmup, cancellationToken).ConfigureAwait(false);
        result.WriteTo(report);
        if (server is null)
        {
            return 0;
        }

        var ok = result.Completed > 0 && result.Outcomes.Keys.All(k => k == "200");
        report.Header("self-test");
        report.Line("verdict", ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }
}
