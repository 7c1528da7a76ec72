using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Itsm.Orchestrator.Hosting;

/// <summary>Writes <c>/health</c> as JSON: overall status and each check's (the database's among them).</summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
