using System.Globalization;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Elsa's <c>versionOptions</c> query value: Latest, Published, LatestOrPublished, LatestAndPublished, Draft,
/// AllVersions, or a bare version number.
/// </summary>
public readonly record struct VersionOptions(string Kind, int? Version)
{
    public static readonly VersionOptions Latest = new("Latest", null);
    public static readonly VersionOptions Published = new("Published", null);
    public static readonly VersionOptions LatestOrPublished = new("LatestOrPublished", null);
    public static readonly VersionOptions Draft = new("Draft", null);
    public static readonly VersionOptions AllVersions = new("AllVersions", null);

    public static VersionOptions Specific(int version) => new("Specific", version);

    public static bool TryParse(string? text, out VersionOptions options)
    {
        options = Published;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            options = Specific(version);
            return true;
        }
        foreach (var known in new[] { Latest, Published, LatestOrPublished, Draft, AllVersions, new VersionOptions("LatestAndPublished", null) })
            if (string.Equals(known.Kind, text, StringComparison.OrdinalIgnoreCase))
            {
                options = known;
                return true;
            }
        return false;
    }

    public override string ToString() => Version?.ToString(CultureInfo.InvariantCulture) ?? Kind;
}
