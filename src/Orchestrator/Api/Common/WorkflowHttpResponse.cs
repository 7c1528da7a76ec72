using Itsm.Activities.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Common;

/// <summary>The answer a workflow wrote (<c>Elsa.WriteHttpResponse</c>) for the request that started or resumed it.</summary>
public static class WorkflowHttpResponse
{
    // Framing headers are the server's business: copying them from a workflow would corrupt the response.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Trailer",
    };

    public static ContentResult ToResult(HttpResponseSpec spec, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(response);
        foreach (var (name, value) in spec.Headers ?? new Dictionary<string, string>())
            if (!Reserved.Contains(name))
                response.Headers[name] = value;
        return new ContentResult
        {
            StatusCode = spec.StatusCode,
            Content = spec.Content ?? "",
            ContentType = spec.ContentType,
        };
    }
}
