namespace Itsm.Activities.Model;

/// <summary>One spelling of a webhook path, so <c>/Incidents/</c> and <c>incidents</c> are the same route.</summary>
public static class HttpRoutes
{
    public static string Normalize(string? path) => (path ?? "").Trim().Trim('/').ToLowerInvariant();
}
