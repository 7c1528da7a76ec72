using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Benchmarks.Cli;
using Itsm.Benchmarks.Engine;
using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Commands;

/// <summary>
/// <c>engine-steps</c>: the in-memory per-step cost of the workflow engine (no persistence, no HTTP), for a
/// chain of <c>Elsa.SetVariable</c> with literal and with JavaScript inputs, beside a calibration loop
/// measured in the same run.
/// </summary>
internal static class EngineStepsCommand
{
    private const int LongFlowSteps = 10;
    private const int ShortFlowSteps = 1;

    /// <summary>The published budget for one literal step (create state + run, divided by steps).</summary>
    private const double LiteralTargetNanoseconds = 2_000;

    public static BenchCommand Definition { get; } = new(
        "engine-steps",
        "in-memory per-step cost of the workflow engine (SetVariable chains, literal and JavaScript)",
        """
        engine-steps [--duration <s>] [--rounds <n>] [--warmup <s>]
          --duration <s>   measured time per case, split over the rounds; 9 cases (default 2.5, at most 60)
          --rounds <n>     interleaved rounds; the median round is reported (default 5)
          --warmup <s>     untimed runs per case before the first round (default 0.5)
        """,
        RunAsync);

    private static async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.EnsureOnly("duration", "rounds", "warmup");
        var duration = args.GetDouble("duration", 2.5);
        var rounds = args.GetInt("rounds", 5);
        var warmup = args.GetDouble("warmup", 0.5);
        if (duration <= 0 || duration > 60 || rounds < 1 || rounds > 100 || warmup < 0 || warmup > 60)
        {
            throw new UsageException("--duration must be > 0 and at most 60 s; --rounds 1..100; --warmup between 0 and 60 s");
        }

        var roundWindow = TimeSpan.FromSeconds(duration / rounds);
        // The last two cases run the same scripts with the engine-free fast path off (one Jint engine per run, as
        // before it existed): the A/B of the script cost in the same run.
        var jintOnly = new EngineOptions { Scripts = new ScriptOptions { FastPath = false } };
        var cases = new (string Kind, string Label, int Steps, CompiledWorkflow Workflow, EngineOptions? Options)[]
        {
            ("literal", $"literal, {LongFlowSteps} steps", LongFlowSteps, BenchFlows.SetVariableChain(LongFlowSteps, javaScript: false), null),
            ("literal", $"literal, {ShortFlowSteps} step", ShortFlowSteps, BenchFlows.SetVariableChain(ShortFlowSteps, javaScript: false), null),
            ("javascript", $"javascript, {LongFlowSteps} steps", LongFlowSteps, BenchFlows.SetVariableChain(LongFlowSteps, javaScript: true), null),
            ("javascript", $"javascript, {ShortFlowSteps} step", ShortFlowSteps, BenchFlows.SetVariableChain(ShortFlowSteps, javaScript: true), null),
            ("javascript-jint", $"javascript on Jint only, {LongFlowSteps} steps", LongFlowSteps, BenchFlows.SetVariableChain(LongFlowSteps, javaScript: true), jintOnly),
            ("javascript-jint", $"javascript on Jint only, {ShortFlowSteps} step", ShortFlowSteps, BenchFlows.SetVariableChain(ShortFlowSteps, javaScript: true), jintOnly),
        };
        var results = cases.Select(_ => new List<EngineRunResult>()).ToArray();
        var intakeCases = IntakeBurstMeasurement.Cases();
        var intakeResults = intakeCases.Select(_ => new List<EngineRunResult>()).ToArray();
        var references = new List<ReferenceResult>();
        for (var round = 0; round < rounds; round++)
        {
            var lead = round == 0 ? TimeSpan.FromSeconds(warmup) : TimeSpan.Zero;
            for (var c = 0; c < cases.Length; c++)
            {
                var (_, label, steps, workflow, options) = cases[c];
                results[c].Add(await EngineStepMeasurement.MeasureAsync(label, workflow, steps, lead, roundWindow, cancellationToken, options)
                    .ConfigureAwait(false));
            }

            for (var c = 0; c < intakeCases.Count; c++)
            {
                var (label, workflow, options) = intakeCases[c];
                intakeResults[c].Add(await IntakeBurstMeasurement.MeasureAsync(label, workflow, options, lead, roundWindow, cancellationToken).ConfigureAwait(false));
            }

            // In every round, beside the engine cases, so it sees the same (warm, possibly busy) machine.
            references.Add(EngineStepMeasurement.MeasureReference(TimeSpan.FromSeconds(Math.Min(roundWindow.TotalSeconds, 0.5))));
        }

        var report = ReportWriter.Console;
        report.Header("engine-steps: Elsa.SetVariable chained Done->Done; per run = CreateState + StartAsync, one thread, no I/O");
        report.Line("measured per case", duration, "s", 1);
        report.Line("rounds (interleaved; median shown)", rounds);
        report.Line("server GC", System.Runtime.GCSettings.IsServerGC ? "yes" : "no");

        var perCase = cases.Select((c, i) => new CaseRounds(c.Label, results[i])).ToArray();
        foreach (var rounded in perCase)
        {
            Write(report, rounded);
        }

        var intakeRounds = intakeCases.Select((c, i) => new CaseRounds(c.Label, intakeResults[i])).ToArray();
        foreach (var rounded in intakeRounds)
        {
            Write(report, rounded);
        }

        var literal = Marginal(report, "literal", perCase[1], perCase[0]);
        var script = Marginal(report, "javascript", perCase[3], perCase[2]);
        var jint = Marginal(report, "javascript on Jint only (fast path off)", perCase[5], perCase[4]);

        var reference = references.OrderBy(r => r.NanosecondsPerOperation).ElementAt(references.Count / 2);
        report.Header($"reference: {reference.Operation} (same run, calibration; median round)");
        report.Line("per operation", reference.NanosecondsPerOperation, "ns", 1);
        report.Line("best / worst round", $"{references.Min(r => r.NanosecondsPerOperation):F1} / {references.Max(r => r.NanosecondsPerOperation):F1}", "ns");
        report.Line("allocated per operation", reference.BytesPerOperation, "bytes", 1);

        var literalPerStep = literal.LongRun.NanosecondsPerStep;
        report.Header("summary (median rounds)");
        report.Line("literal step (total/10)", literalPerStep, "ns", 0);
        report.Line("literal step (marginal)", literal.NanosecondsPerStep, "ns", 0);
        report.Line("literal step target", $"< {LiteralTargetNanoseconds:F0}", "ns");
        report.Line("literal verdict", literalPerStep < LiteralTargetNanoseconds ? "MEETS TARGET" : "MISSES TARGET");
        report.Line("literal step / reference op", literalPerStep / reference.NanosecondsPerOperation, "x", 1);
        report.Line("javascript step (total/10)", script.LongRun.NanosecondsPerStep, "ns", 0);
        report.Line("javascript step (marginal)", script.NanosecondsPerStep, "ns", 0);
        report.Line("javascript step / reference op", script.LongRun.NanosecondsPerStep / reference.NanosecondsPerOperation, "x", 1);
        report.Line("javascript fixed per run", script.NanosecondsPerRunOverhead, "ns", 0);
        report.Line("javascript on Jint only step (total/10)", jint.LongRun.NanosecondsPerStep, "ns", 0);
        report.Line("javascript on Jint only step (marginal)", jint.NanosecondsPerStep, "ns", 0);
        report.Line("javascript on Jint only fixed per run", jint.NanosecondsPerRunOverhead, "ns", 0);
        report.Line("javascript step / Jint-only step (total/10)", script.LongRun.NanosecondsPerStep / jint.LongRun.NanosecondsPerStep * 100, "%", 1);
        var (intakeFast, intakeJint, intakeLiteral) = (intakeRounds[0].Median, intakeRounds[1].Median, intakeRounds[2].Median);
        report.Line("intake start, fast path / Jint only / literal", $"{intakeFast.NanosecondsPerRun:F0} / {intakeJint.NanosecondsPerRun:F0} / {intakeLiteral.NanosecondsPerRun:F0}", "ns");
        report.Line("intake start rate vs literal twin, fast path", intakeLiteral.NanosecondsPerRun / intakeFast.NanosecondsPerRun * 100, "%", 1);
        report.Line("intake start rate vs literal twin, Jint only", intakeLiteral.NanosecondsPerRun / intakeJint.NanosecondsPerRun * 100, "%", 1);
        report.Line("intake bytes/start, fast path / Jint only / literal", $"{intakeFast.BytesPerRun:F0} / {intakeJint.BytesPerRun:F0} / {intakeLiteral.BytesPerRun:F0}", "bytes");
        report.Line("bytes/step literal (total/10)", literal.LongRun.BytesPerStep, "bytes", 0);
        report.Line("bytes/step javascript (total/10)", script.LongRun.BytesPerStep, "bytes", 0);
        report.Line("bytes/step javascript on Jint only (total/10)", jint.LongRun.BytesPerStep, "bytes", 0);
        report.Line("bytes fixed per run javascript / Jint only", $"{script.BytesPerRunOverhead:F0} / {jint.BytesPerRunOverhead:F0}", "bytes");
        return 0;
    }

    private static MarginalStepCost Marginal(ReportWriter report, string kind, CaseRounds shortRuns, CaseRounds longRuns)
    {
        var marginal = new MarginalStepCost(shortRuns.Median, longRuns.Median);
        report.Header($"{kind}: marginal cost ({LongFlowSteps}-step minus {ShortFlowSteps}-step run, median rounds)");
        report.Line("per extra step", marginal.NanosecondsPerStep, "ns", 0);
        report.Line("fixed per run", marginal.NanosecondsPerRunOverhead, "ns", 0);
        report.Line("allocated per extra step", marginal.BytesPerStep, "bytes", 0);
        report.Line("allocated fixed per run", marginal.BytesPerRunOverhead, "bytes", 0);
        return marginal;
    }

    private static void Write(ReportWriter report, CaseRounds rounds)
    {
        var result = rounds.Median;
        report.Header(rounds.Case);
        report.Line("runs (all rounds)", rounds.Rounds.Sum(r => r.Runs));
        report.Line("per run", result.NanosecondsPerRun, "ns", 0);
        report.Line($"per step (run/{result.StepsPerRun})", result.NanosecondsPerStep, "ns", 0);
        report.Line(
            "per step best / worst round",
            $"{rounds.Fastest.NanosecondsPerStep:F0} / {rounds.Slowest.NanosecondsPerStep:F0}",
            "ns");
        report.Line("allocated per run", result.BytesPerRun, "bytes", 0);
        report.Line($"allocated per step (run/{result.StepsPerRun})", result.BytesPerStep, "bytes", 0);
        var asyncCompletions = rounds.Rounds.Sum(r => r.AsyncCompletions);
        if (asyncCompletions > 0)
        {
            // The continuation may have run on another thread: its allocations are not in the figure above.
            report.Line("async completions (!)", asyncCompletions, "allocation figure incomplete");
        }
    }
}
