namespace Itsm.Activities.Itil;

/// <summary>
/// The host's ITIL settings (section <c>Itsm:Itil</c>): the priority matrix that turns impact × urgency into P1–P4, and
/// the resolution target per priority that <c>Itsm.LogIncident</c> hands back to the requester. Both dictionaries start
/// with the defaults below and configuration overrides entries one by one, so a host may change a single cell.
/// </summary>
public sealed class ItilOptions
{
    public const string SectionName = "Itsm:Itil";

    /// <summary>Impact → urgency → priority (<c>P1</c>–<c>P4</c>), e.g. <c>Itsm:Itil:PriorityMatrix:High:Medium = P2</c>.</summary>
    public Dictionary<string, Dictionary<string, string>> PriorityMatrix { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        // A common 3 × 3 matrix: both high is critical; one step down on either axis lowers priority by one.
        [nameof(Impact.High)] = Row("P1", "P2", "P3"),
        [nameof(Impact.Medium)] = Row("P2", "P3", "P4"),
        [nameof(Impact.Low)] = Row("P3", "P4", "P4"),
    };

    /// <summary>
    /// Priority → time to resolve, calendar time from logging (e.g. <c>Itsm:Itil:ResolutionTargets:P2 = 08:00:00</c>).
    /// Defaults: P1 4 h, P2 8 h, P3 3 days, P4 10 days — usual service-desk targets; hosts with an SLA set their own.
    /// </summary>
    public Dictionary<string, TimeSpan> ResolutionTargets { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["P1"] = TimeSpan.FromHours(4),
        ["P2"] = TimeSpan.FromHours(8),
        ["P3"] = TimeSpan.FromDays(3),
        ["P4"] = TimeSpan.FromDays(10),
    };

    public Priority PriorityFor(Impact impact, Urgency urgency)
    {
        var row = Find(PriorityMatrix, impact.ToString())
            ?? throw new InvalidOperationException($"{SectionName}:PriorityMatrix has no row for impact {impact}.");
        var cell = Find(row, urgency.ToString())
            ?? throw new InvalidOperationException($"{SectionName}:PriorityMatrix has no cell for impact {impact}, urgency {urgency}.");
        return Enum.TryParse<Priority>(cell, ignoreCase: true, out var priority) && Enum.IsDefined(priority)
            ? priority
            : throw new InvalidOperationException($"{SectionName}:PriorityMatrix:{impact}:{urgency} is '{cell}'; expected P1–P4.");
    }

    public TimeSpan ResolutionTargetFor(Priority priority)
        => Find(ResolutionTargets, priority.ToString()) is { } target && target > TimeSpan.Zero
            ? target
            : throw new InvalidOperationException($"{SectionName}:ResolutionTargets has no positive target for {priority}.");

    /// <summary>What is wrong with the settings (empty when usable): every cell maps to P1–P4, every priority has a target.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var impact in Enum.GetValues<Impact>())
            foreach (var urgency in Enum.GetValues<Urgency>())
                Check(problems, () => PriorityFor(impact, urgency));
        foreach (var priority in Enum.GetValues<Priority>())
            Check(problems, () => ResolutionTargetFor(priority));
        return problems;
    }

    private static void Check<T>(List<string> problems, Func<T> read)
    {
        try
        {
            read();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }
    }

    // Configuration binding may replace the dictionaries with case-sensitive ones: look keys up ignoring case either way.
    private static TValue? Find<TValue>(Dictionary<string, TValue> map, string key)
        => map.TryGetValue(key, out var value) ? value
            : map.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static Dictionary<string, string> Row(string high, string medium, string low) => new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(Urgency.High)] = high,
        [nameof(Urgency.Medium)] = medium,
        [nameof(Urgency.Low)] = low,
    };
}
