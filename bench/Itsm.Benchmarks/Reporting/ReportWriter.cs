using System.Globalization;

namespace Itsm.Benchmarks.Reporting;

/// <summary>
/// Plain aligned text, one figure per line with its unit, so runs can be diffed and grepped.
/// Invariant culture throughout: a decimal comma would break anyone parsing the output.
/// </summary>
public sealed class ReportWriter(TextWriter output)
{
    private const int LabelWidth = 32;
    private const int ValueWidth = 14;

    public static ReportWriter Console { get; } = new(System.Console.Out);

    public void Header(string title)
    {
        output.WriteLine();
        output.WriteLine(title);
    }

    public void Line(string label, string value, string unit = "")
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"  {label.PadRight(LabelWidth)}{value.PadLeft(ValueWidth)} {unit}");
        output.WriteLine(text.TrimEnd());
    }

    public void Line(string label, double value, string unit, int decimals = 2) =>
        Line(label, value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), unit);

    public void Line(string label, long value, string unit = "") =>
        Line(label, value.ToString(CultureInfo.InvariantCulture), unit);

    /// <summary>Writes p50/p90/p99/p99.9/max (and mean) of one latency distribution, all in milliseconds.</summary>
    public void Latency(string prefix, LatencySummary summary)
    {
        if (summary.Count == 0)
        {
            Line($"{prefix} samples", 0);
            return;
        }

        Line($"{prefix} p50", summary.P50Ms, "ms", 3);
        Line($"{prefix} p90", summary.P90Ms, "ms", 3);
        Line($"{prefix} p99", summary.P99Ms, "ms", 3);
        Line($"{prefix} p99.9", summary.P999Ms, "ms", 3);
        Line($"{prefix} max", summary.MaxMs, "ms", 3);
        Line($"{prefix} mean", summary.MeanMs, "ms", 3);
    }
}
