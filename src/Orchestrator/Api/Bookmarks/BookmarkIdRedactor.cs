using System.Collections;
using System.Dynamic;

namespace Itsm.Orchestrator.Api.Bookmarks;

/// <summary>
/// Hides an instance's open bookmark ids from readers who may not do the work: a bookmark id is a resume token,
/// and a flow typically keeps the callback URL it hands out in a variable (<c>getResumeUrl</c>). Values are
/// copied with every occurrence of an id replaced; values without one are returned as they are.
/// </summary>
public sealed class BookmarkIdRedactor
{
    public const string Hidden = "(hidden)";

    private readonly string[] _ids;

    public BookmarkIdRedactor(IEnumerable<string> bookmarkIds)
    {
        ArgumentNullException.ThrowIfNull(bookmarkIds);
        _ids = bookmarkIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyDictionary<string, object?> Redact(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (_ids.Length == 0) return values;
        var result = new Dictionary<string, object?>(values.Count, StringComparer.Ordinal);
        foreach (var (name, value) in values) result[name] = Redact(value);
        return result;
    }

    public object? Redact(object? value)
    {
        if (_ids.Length == 0) return value;
        switch (value)
        {
            case null:
                return null;
            case string text:
                foreach (var id in _ids)
                    if (text.Contains(id, StringComparison.Ordinal)) text = text.Replace(id, Hidden, StringComparison.Ordinal);
                return text;
            case ExpandoObject expando:
            {
                var copy = new ExpandoObject();
                IDictionary<string, object?> target = copy;
                foreach (var (name, item) in expando) target[name] = Redact(item);
                return copy;
            }
            case IDictionary<string, object?> map:
                return map.ToDictionary(pair => pair.Key, pair => Redact(pair.Value), StringComparer.Ordinal);
            case IEnumerable items when value is not IEnumerable<byte>:
                return items.Cast<object?>().Select(Redact).ToList();
            default:
                // Numbers, booleans, dates: nothing to hide.
                return value;
        }
    }
}
