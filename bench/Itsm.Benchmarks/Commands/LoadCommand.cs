using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Http;
using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Commands;

/// <summary><c>load</c>: fixed-rate (open-loop) HTTP load against a loopback endpoint.</summary>
internal static class LoadCommand
{
    public static BenchCommand Definition { get; } = new(
        "load",
        "open-loop fixed-rate HTTP load on loopback; latency from scheduled send time",
        "load --url <url> --rate <req/s> [--duration <s>] [options]\n" +
        "load --self-test [--rate <req/s>] [--duration <s>]\n" +
        HttpTargetArgs.Usage +
        """
          --rate <req/s>         offered rate (required unless --self-test: 1000)
          --duration <s>         measured window, at most 120 (default 10; --self-test: 3)
          --warmup <s>           untimed run at the same rate first (default 1)
          --connections <n>      max parallel connections (default 256)
          --max-in-flight <n>    outstanding requests beyond which sends are skipped and counted (default 20000)
          --timeout <s>          per-request timeout (default 30)
          --self-test            start an in-process Kestrel on 127.0.0.1 and check the generator against it
        """,
        RunAsync);

    private static async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.EnsureOnly([.. HttpTargetArgs.OptionNames, "rate", "duration", "warmup", "connections", "max-in-flight", "timeout", "self-test"]);
        var selfTest = args.HasFlag("self-test");
        var rate = args.GetDouble("rate", selfTest ? 1000 : double.NaN);
        if (double.IsNaN(rate))
        {
            throw new UsageException("--rate is required");
        }

        if (!(rate > 0 && rate <= LoadLimits.MaxRatePerSecond))
        {
            throw new UsageException($"--rate must be > 0 and at most {LoadLimits.MaxRatePerSecond} req/s");
        }

        var duration = HttpTargetArgs.Seconds(args, "duration", selfTest ? 3 : 10);
        var warmup = HttpTargetArgs.Seconds(args, "warmup", 1);
        if (duration <= TimeSpan.Zero || warmup + duration > LoadLimits.MaxDuration)
        {
            throw new UsageException($"--duration must be > 0 and warmup + duration at most {LoadLimits.MaxDuration.TotalSeconds:F0} s");
        }

        var options = new LoadGeneratorOptions(
            args.GetInt("connections", 256),
            args.GetInt("max-in-flight", 20_000),
            HttpTargetArgs.Seconds(args, "timeout", 30));
        if (options.MaxConnectionsPerServer < 1 || options.MaxInFlight < 1 || options.EffectiveRequestTimeout <= TimeSpan.Zero)
        {
            throw new UsageException("--connections, --max-in-flight and --timeout must be positive");
        }

        await using var server = selfTest ? await SelfTestServer.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        var target = HttpTargetArgs.Build(args, server?.BaseUri);
        var report = ReportWriter.Console;
        report.Header("target");
        report.Line("url", target.Target.ToString());
        report.Line("max connections", options.MaxConnectionsPerServer);

        using var generator = new OpenLoopLoadGenerator(target, options);
        long warmupSent = 0;
        if (warmup > TimeSpan.Zero)
        {
            var warm = await generator.RunAsync(rate, warmup, cancellationToken).ConfigureAwait(false);
            warmupSent = warm.Sent;
            report.Line("warm-up (not counted)", warmup.TotalSeconds, "s");
        }

        var result = await generator.RunAsync(rate, duration, cancellationToken).ConfigureAwait(false);
        result.WriteTo(report);
        return server is null ? 0 : SelfTestVerdict(report, result, server.RequestsServed - warmupSent);
    }

    /// <summary>The generator is trusted only if the server saw what it claims and the pacing held.</summary>
    private static int SelfTestVerdict(ReportWriter report, LoadResult result, long servedInMeasuredRun)
    {
        var problems = new List<string>();
        if (result.Responses != result.Scheduled)
        {
            problems.Add($"{result.Responses} responses for {result.Scheduled} scheduled requests");
        }

        if (result.Outcomes.Keys.Any(k => k != "200"))
        {
            problems.Add("outcomes other than 200: " + string.Join(", ", result.Outcomes.Keys.Where(k => k != "200")));
        }

        if (servedInMeasuredRun != result.Sent)
        {
            problems.Add($"server counted {servedInMeasuredRun} requests, generator sent {result.Sent}");
        }

        if (Math.Abs(result.SendRate - result.OfferedRate) > result.OfferedRate * 0.05)
        {
            problems.Add($"send rate {result.SendRate:F1} req/s is more than 5% off the offered {result.OfferedRate:F1} req/s");
        }

        report.Header("self-test");
        report.Line("server counted", servedInMeasuredRun, "requests");
        report.Line("verdict", problems.Count == 0 ? "PASS" : "FAIL");
        foreach (var problem in problems)
        {
            report.Line("problem", problem);
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
