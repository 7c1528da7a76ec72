namespace Itsm.Activities.Model;

/// <summary>The HTTP request that reached an <c>Elsa.HttpEndpoint</c>, as its outputs expose it.</summary>
public sealed record HttpRequestData(
    string Method,
    string Path,
    object? ParsedContent,
    IReadOnlyDictionary<string, string> QueryStringData,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> RouteData);
