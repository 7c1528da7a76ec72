using System.Diagnostics;
using System.Text;
using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Http;
using Itsm.Benchmarks.PostgreSql;
using Itsm.Benchmarks.Reporting;
using Itsm.Benchmarks.Webhook;

namespace Itsm.Benchmarks.Commands;

/// <summary>
/// <c>webhook-postgres</c>: persisted webhook starts on PostgreSQL with one host and with two hosts on one database
/// (requests spread in turn, as a load balancer would), beside the server's single-row commit rate measured in the same
/// run on the same server; then the timer lateness with two hosts (Delays started through both, fired by either).
/// </summary>
internal static class WebhookPostgreSqlCommand
{
    public static BenchCommand Definition { get; } = new(
        "webhook-postgres",
        "persisted webhook starts/s on PostgreSQL with 1 and 2 hosts beside the server's commit rate, and timer lateness on 2 hosts",
        """
        webhook-postgres [--server <connection string>] [--concurrency <n>] [--warmup <s>] [--peak-duration <s>] [--timers <n>]
          --server <cs>          PostgreSQL server, without a database (default: ITSM_TEST_POSTGRES, else
                                 Host=127.0.0.1;Port=55432;Username=postgres — see scripts/postgres-cluster.sh)
          --concurrency <n>      closed-loop workers, and sessions of the commit-rate reference (default 64)
          --warmup <s>           load before each measured window (default 20)
          --peak-duration <s>    measured window per host count (default 5)
          --timer-rate <r>       Delays started per second for the lateness run, for 10 s (default 50)
        """,
        RunAsync);

    private const string ApiKey = BenchHost.ApiKey;

    private static async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.EnsureOnly(["server", "concurrency", "warmup", "peak-duration", "timer-rate"]);
        var server = args.GetString("server") ?? (Environment.GetEnvironmentVariable("ITSM_TEST_POSTGRES") is { Length: > 0 } env ? env : "Host=127.0.0.1;Port=55432;Username=postgres");
        var concurrency = args.GetInt("concurrency", 64);
        var warmup = HttpTargetArgs.Seconds(args, "warmup", 20);
        var peakDuration = HttpTargetArgs.Seconds(args, "peak-duration", 5);
        var timerRate = args.GetDouble("timer-rate", 50);
        var report = ReportWriter.Console;

        var commits = await PostgreSqlCommitRate.MeasureAsync(server, concurrency, TimeSpan.FromSeconds(3), cancellationToken);
        var single = await PostgreSqlCommitRate.MeasureAsync(server, 1, TimeSpan.FromSeconds(3), cancellationToken);
        report.Header("reference (same server, measured first)");
        report.Line($"single-row commits/s, {concurrency} sessions", commits, "commits/s", 0);
        report.Line("single-row commits/s, 1 session", single, "commits/s", 0);

        var peaks = new Dictionary<int, double>();
        foreach (var nodes in new[] { 1, 2 })
        {
            await using var database = await PostgreSqlBenchDatabase.CreateAsync(server, $"n{nodes}", cancellationToken);
            var hosts = await StartHostsAsync(nodes, database, cancellationToken);
            try
            {
                var target = new RoundRobinRequests([.. hosts.Select(h => (IRequestFactory)Request(h, BenchWorkflow.Path, BenchWorkflow.Body.Trim()))]);
                var peak = await ClosedLoopPeakProbe.RunAsync(target, concurrency, peakDuration, warmup, cancellationToken);
                report.Header($"{nodes} host(s)");
                peak.WriteTo(report);
                peaks[nodes] = peak.Throughput;
                report.Line("instances stored", await database.ScalarAsync("SELECT count(*) FROM \"Instances\"", cancellationToken));

                if (nodes == 2) await TimerLatenessAsync(target: hosts, database, timerRate, report, cancellationToken);
            }
            finally
            {
                foreach (var host in hosts) await host.DisposeAsync();
            }
        }

        report.Header("summary");
        report.Line($"PostgreSQL single-row commits/s ({concurrency} sessions)", commits, "commits/s", 0);
        foreach (var (nodes, throughput) in peaks)
        {
            report.Line($"persisted webhook starts/s, {nodes} host(s)", throughput, "starts/s", 0);
            report.Line($"  / commit rate", throughput / commits * 100, "%", 1);
        }
        return 0;
    }

    private static async Task<List<BenchHost>> StartHostsAsync(int count, PostgreSqlBenchDatabase database, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["Itsm__Persistence__Provider"] = "PostgreSql",
            ["ConnectionStrings__Itsm"] = database.ConnectionString,
        };
        var workflows = new Dictionary<string, string> { ["webhook-bench.json"] = BenchWorkflow.Json, ["timer-bench.json"] = TimerBenchWorkflow.Json };
        var hosts = new List<BenchHost>();
        // One after the other: the first migrates, the second then finds nothing pending (they would also wait on
        // the start-up lock if started together).
        for (var i = 0; i < count; i++) hosts.Add(await BenchHost.StartAsync(workflows, cancellationToken, settings: settings));
        return hosts;
    }

    private static RequestTemplate Request(BenchHost host, string path, string body) =>
        new(HttpMethod.Post, new Uri(host.BaseUri, "workflows/" + path), Encoding.UTF8.GetBytes(body), [new("Content-Type", "application/json")]);

    /// <summary>
    /// Starts Delays through both hosts at <paramref name="rate"/> per second for 10 s (open loop, a pace the hosts
    /// sustain, so the figure is the clock's lateness and not a backlog), waits until all fired, and reads from the
    /// journal how late each fired against its due time (the Delay's start + 5 s).
    /// </summary>
    private static async Task TimerLatenessAsync(List<BenchHost> target, PostgreSqlBenchDatabase database, double rate, ReportWriter report, CancellationToken cancellationToken)
    {
        var requests = new RoundRobinRequests([.. target.Select(h => (IRequestFactory)Request(h, TimerBenchWorkflow.Path, "{}"))]);
        using var generator = new OpenLoopLoadGenerator(requests, new LoadGeneratorOptions());
        await generator.RunAsync(rate, TimeSpan.FromSeconds(10), cancellationToken);
        var count = await database.ScalarAsync("SELECT count(*) FROM \"Instances\" WHERE \"DefinitionId\" = 'timer-bench'", cancellationToken);

        var deadline = Stopwatch.StartNew();
        const string fired = "SELECT count(*) FROM \"Journal\" WHERE \"ActivityId\" = 'wait' AND \"EventName\" = 'Completed'";
        while (await database.ScalarAsync(fired, cancellationToken) < count && deadline.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(250, cancellationToken);

        var lateness = await database.ColumnAsync(
            "SELECT (max(CASE WHEN \"EventName\" = 'Completed' THEN \"CompletedAt\" END) - min(\"StartedAt\")) / 10000.0 - " +
            TimerBenchWorkflow.Delay.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            " FROM \"Journal\" WHERE \"ActivityId\" = 'wait' GROUP BY \"InstanceId\" HAVING count(*) FILTER (WHERE \"EventName\" = 'Completed') > 0",
            cancellationToken);
        lateness.Sort();
        var doubled = await database.ScalarAsync(
            "SELECT count(*) FROM (SELECT \"InstanceId\" FROM \"Journal\" WHERE \"ActivityId\" = 'wait' AND \"EventName\" = 'Completed' GROUP BY \"InstanceId\" HAVING count(*) > 1) d",
            cancellationToken);
        report.Header("timer lateness, 2 hosts");
        report.Line("delays started / fired", $"{count} / {lateness.Count}");
        report.Line("fired more than once", doubled);
        if (lateness.Count == 0) return;
        report.Line("lateness p50", Percentile(lateness, 0.50), "ms", 0);
        report.Line("lateness p99", Percentile(lateness, 0.99), "ms", 0);
        report.Line("lateness max", lateness[^1], "ms", 0);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
