namespace Itsm.Activities.Itil;

/// <summary>
/// The service-management record types the ITIL activities write (the <c>RecordType</c> of a
/// <see cref="Model.RecordChange"/>) and the prefix of each type's human number. The record store indexes the
/// <see cref="RecordFields"/> of every type's data; everything else in the data is kept as written.
/// </summary>
public static class RecordTypes
{
    public const string Incident = "incident";
    public const string Problem = "problem";
    public const string Change = "change";
    public const string ConfigurationItem = "configuration-item";
    public const string Asset = "asset";
    public const string CatalogueEntry = "catalogue-entry";
    public const string Improvement = "improvement";
    public const string Survey = "survey";
    public const string Notification = "notification";

    /// <summary>Number prefixes; a number is the prefix and seven digits (<c>INC0001042</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> NumberPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Incident] = "INC",
        [Problem] = "PRB",
        [Change] = "CHG",
        [ConfigurationItem] = "CI",
        [Asset] = "AST",
        [CatalogueEntry] = "SVC",
        [Improvement] = "IMP",
        [Survey] = "SRV",
        [Notification] = "NTF",
    };

    public static IReadOnlyCollection<string> All => NumberPrefixes.Keys.ToArray();
}
