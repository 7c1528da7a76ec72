using System.Text.Json;
using Hangfire;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Hosting;

/// <summary>
/// Writes <c>/health</c> as JSON: overall status and each check's (the database's among them), the provider, where
/// the data lives (never a password), this node's name and the Hangfire servers of every node sharing the storage,
/// this node's marked — behind a load balancer, which node answered and which nodes are alive.
/// </summary>
public static partial class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var services = context.RequestServices;
        var node = services.GetRequiredService<NodeIdentity>();
        var (servers, hangfireError) = ListServers(services, node);
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
            provider = services.GetRequiredService<IOptions<PersistenceOptions>>().Value.Provider.ToString(),
            database = services.GetRequiredService<IDatabaseSetup>().Describe(),
            node = node.Name,
            hangfire = new { servers, error = hangfireError },
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private static (IReadOnlyList<HangfireServerModel> Servers, string? Error) ListServers(IServiceProvider services, NodeIdentity node)
    {
        try
        {
            var storage = services.GetRequiredService<JobStorage>();
            var servers = storage.GetMonitoringApi().Servers()
                .Select(server => new HangfireServerModel(
                    server.Name, server.Heartbeat, server.StartedAt, server.WorkersCount, [.. server.Queues], node.OwnsServer(server.Name)))
                .OrderByDescending(server => server.ThisNode)
                .ThenBy(server => server.Name, StringComparer.Ordinal)
                .ToList();
            return (servers, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database check says why; health must still answer.
            LogServersUnavailable(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthResponseWriter)), ex);
            return ([], "Hangfire's storage did not answer");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Listing Hangfire's servers for /health failed")]
    private static partial void LogServersUnavailable(ILogger logger, Exception exception);
}
