using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Itsm.Activities.Itil.Catalogue;

/// <summary>
/// The ITIL vocabulary nodes are tagged with: the value-chain activities (with a stream's <c>demand</c> and
/// <c>value</c> ends), the 34 practices and the roles known from the example value streams. It is data in the
/// repository (<c>itil-catalogue.json</c>, embedded in this assembly) so the compiler, the publish checks and the
/// designer's pick lists agree without reading anything at run time. Loaded once; immutable.
/// </summary>
public sealed class ItilCatalogue
{
    private const string ResourceName = "Itsm.Activities.Itil.Catalogue.itil-catalogue.json";
    private static readonly Lazy<ItilCatalogue> Loaded = new(Load);

    private readonly FrozenDictionary<string, ValueChainActivity> _chain;
    private readonly FrozenDictionary<string, ItilPractice> _practices;
    private readonly FrozenSet<string> _roles;

    private ItilCatalogue(IReadOnlyList<ValueChainActivity> chain, IReadOnlyList<PracticeCategory> categories, IReadOnlyList<ItilPractice> practices, IReadOnlyList<string> roles)
    {
        ChainActivities = chain;
        PracticeCategories = categories;
        Practices = practices;
        Roles = roles;
        _chain = chain.ToFrozenDictionary(activity => activity.Id, StringComparer.Ordinal);
        _practices = practices.ToFrozenDictionary(practice => practice.Id, StringComparer.Ordinal);
        _roles = roles.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalogue shipped with Itsm.</summary>
    public static ItilCatalogue Default => Loaded.Value;

    /// <summary>In stream order: <c>demand</c>, the six chain activities, <c>value</c>.</summary>
    public IReadOnlyList<ValueChainActivity> ChainActivities { get; }

    public IReadOnlyList<PracticeCategory> PracticeCategories { get; }

    /// <summary>By category, then as the catalogue lists them.</summary>
    public IReadOnlyList<ItilPractice> Practices { get; }

    /// <summary>Roles the example streams name (lower case). Others are allowed on a node: roles are not validated.</summary>
    public IReadOnlyList<string> Roles { get; }

    public ValueChainActivity? FindChainActivity(string id) => _chain.GetValueOrDefault(id);

    public ItilPractice? FindPractice(string id) => _practices.GetValueOrDefault(id);

    public bool IsKnownRole(string role) => _roles.Contains(role);

    private static ItilCatalogue Load()
    {
        using var stream = typeof(ItilCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(ItilCatalogue).Assembly.GetName().Name}.");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, FileOptions)
            ?? throw new InvalidOperationException($"'{ResourceName}' is empty.");
        var categories = file.PracticeCategories.Select(category => new PracticeCategory(category.Id, category.Name)).ToList();
        var byId = categories.ToDictionary(category => category.Id, StringComparer.Ordinal);
        var practices = file.Practices
            .Select(practice => new ItilPractice(practice.Id, practice.Name,
                byId.TryGetValue(practice.Category, out var category) ? category
                    : throw new InvalidOperationException($"'{ResourceName}': practice '{practice.Id}' names unknown category '{practice.Category}'."),
                practice.Heat.ToFrozenDictionary(StringComparer.Ordinal)))
            .OrderBy(practice => categories.IndexOf(practice.Category))
            .ToList();
        var chain = file.ChainActivities.Select(activity => new ValueChainActivity(activity.Id, activity.Name, activity.Description, activity.StreamEnd)).ToList();
        return new ItilCatalogue(chain, categories, practices, file.Roles.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web);

    private sealed record CatalogueFile(
        [property: JsonRequired] List<ChainActivityEntry> ChainActivities,
        [property: JsonRequired] List<CategoryEntry> PracticeCategories,
        [property: JsonRequired] List<PracticeEntry> Practices,
        [property: JsonRequired] List<string> Roles);

    private sealed record ChainActivityEntry(string Id, string Name, string Description, bool StreamEnd);

    private sealed record CategoryEntry(string Id, string Name);

    private sealed record PracticeEntry(string Id, string Name, string Category, Dictionary<string, int?> Heat);
}
