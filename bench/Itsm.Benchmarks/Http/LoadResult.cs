using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Http;

/// <summary>Outcome of one fixed-rate run of <see cref="OpenLoopLoadGenerator"/>.</summary>
/// <param name="OfferedRate">Target rate, requests/s.</param>
/// <param name="Scheduled">Requests the schedule called for (rate x duration).</param>
/// <param name="Sent">Requests actually handed to HttpClient.</param>
/// <param name="Responses">Requests that got an HTTP response, whatever its status.</param>
/// <param name="SendWindow">From the first scheduled send to one interval after the last actual dispatch: a generator that falls behind shows a send rate below the offered one.</param>
/// <param name="Elapsed">From the first scheduled send to the last completion.</param>
/// <param name="Outcomes">Count per status code or failure kind.</param>
/// <param name="Latency">Response time measured from the *scheduled* send time (no coordinated omission).</param>
/// <param name="ServiceTime">Response time measured from the actual send: what a closed-loop tool would report.</param>
/// <param name="SendLag">How late the generator dispatched requests (its own timer granularity and saturation).</param>
/// <param name="PeakInFlight">Largest number of outstanding requests seen.</param>
public sealed record LoadResult(
    double OfferedRate,
    TimeSpan Duration,
    long Scheduled,
    long Sent,
    long Responses,
    TimeSpan SendWindow,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, long> Outcomes,
    LatencySummary Latency,
    LatencySummary ServiceTime,
    LatencySummary SendLag,
    long PeakInFlight)
{
    public double SendRate => SendWindow > TimeSpan.Zero ? Sent / SendWindow.TotalSeconds : 0;

    /// <summary>Responses per second over the whole run, including the tail of in-flight requests.</summary>
    public double AchievedRate => Elapsed > TimeSpan.Zero ? Responses / Elapsed.TotalSeconds : 0;

    public long Failures => Scheduled - Responses;

    public void WriteTo(ReportWriter report, string title = "load (open loop, fixed rate)")
    {
        report.Header(title);
        report.Line("offered rate", OfferedRate, "req/s", 1);
        report.Line("duration", Duration.TotalSeconds, "s");
        report.Line("scheduled", Scheduled, "requests");
        report.Line("sent", Sent, "requests");
        report.Line("responses", Responses, "requests");
        report.Line("send rate", SendRate, "req/s", 1);
        report.Line("achieved rate", AchievedRate, "req/s", 1);
        report.Line("elapsed (to last response)", Elapsed.TotalSeconds, "s");
        report.Line("peak in flight", PeakInFlight, "requests");
        foreach (var (outcome, count) in Outcomes)
        {
            report.Line($"outcome {outcome}", count, "requests");
        }

        report.Latency("latency", Latency);
        report.Latency("service time", ServiceTime);
        report.Line("send lag p50", SendLag.P50Ms, "ms", 3);
        report.Line("send lag p99", SendLag.P99Ms, "ms", 3);
        report.Line("send lag max", SendLag.MaxMs, "ms", 3);
    }
}
