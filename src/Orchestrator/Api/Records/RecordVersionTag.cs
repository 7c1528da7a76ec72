using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>
/// A record's version as its HTTP entity tag (<c>"3"</c>): a reader sends it back in <c>If-Match</c> so that a change
/// made from what it read is refused (412) when somebody or some step changed the record since.
/// </summary>
public static class RecordVersionTag
{
    public static string Of(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = Of(version);

    /// <summary>
    /// Whether the request's <c>If-Match</c> allows a change of the record at <paramref name="version"/>: no header or
    /// <c>*</c> (the record exists) does; otherwise one of the listed strong tags must be the version. A weak or
    /// malformed tag never matches (RFC 9110 compares If-Match strongly).
    /// </summary>
    public static bool Allows(HttpRequest request, long version)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0) return true;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var current = Of(version);
        foreach (var tag in tags)
            if (tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && tag.Tag.Equals(current, StringComparison.Ordinal))) return true;
        return false;
    }
}
