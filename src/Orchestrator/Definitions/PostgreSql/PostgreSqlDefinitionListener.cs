using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Itsm.Orchestrator.Definitions.PostgreSql;

/// <summary>
/// Follows definition changes made on other nodes: <c>LISTEN itsm_definitions</c> on a connection of its own, and
/// for each change names reloads that definition's published version through
/// <see cref="WorkflowDefinitionService"/> (compiled cache, trigger index and every other lifecycle handler updated
/// the way a local change updates them). A notification is sent only to sessions listening at that moment, so each
/// (re)connection, and every <see cref="DefinitionSyncOptions.ResyncInterval"/>, compares everything with the store.
/// </summary>
public sealed partial class PostgreSqlDefinitionListener(
    WorkflowDefinitionService definitions,
    DefinitionChangeChannel channel,
    IOptions<PersistenceOptions> persistence,
    IOptions<DefinitionSyncOptions> options,
    TimeProvider clock,
    ILogger<PostgreSqlDefinitionListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The node's own start-up load comes first; changes made meanwhile are caught by the first resync.
            await definitions.Warmed.WaitAsync(stoppingToken).ConfigureAwait(false);
            var delay = options.Value.ReconnectDelay;
            while (true)
            {
                try
                {
                    await ListenAsync(() => delay = options.Value.ReconnectDelay, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFeedLost(ex, delay);
                    await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(FeedConnectionString());
        // Raised on this loop's own reads (inside WaitAsync or a command on this connection), never concurrently.
        connection.Notification += (_, e) =>
        {
            if (e.Channel == DefinitionChangeChannel.Name && channel.FromOtherNode(e.Payload) is { } definitionId) changed.Add(definitionId);
        };
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var listen = new NpgsqlCommand($"LISTEN {DefinitionChangeChannel.Name}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        LogListening(channel.NodeId);

        // Whatever changed while this node was not listening (start-up, or the feed was down) was not sent to it.
        await definitions.SyncAllAsync(cancellationToken).ConfigureAwait(false);
        connected();
        var interval = options.Value.ResyncInterval;
        var nextResync = clock.GetUtcNow() + interval;
        while (true)
        {
            while (changed.Count > 0)
            {
                string[] batch = [.. changed];
                changed.Clear();
                foreach (var definitionId in batch) await definitions.SyncAsync(definitionId, cancellationToken).ConfigureAwait(false);
            }
            var remaining = nextResync - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                await definitions.SyncAllAsync(cancellationToken).ConfigureAwait(false);
                nextResync = clock.GetUtcNow() + interval;
                continue;
            }
            await connection.WaitAsync(remaining < interval ? remaining : interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private string FeedConnectionString() => new NpgsqlConnectionStringBuilder(persistence.Value.PostgreSqlConnectionString)
    {
        // Held for the host's life: not a pool's to hand out, and probed while idle so a dead server is noticed.
        Pooling = false,
        KeepAlive = 10,
        ApplicationName = "itsm-definition-feed",
    }.ConnectionString;

    [LoggerMessage(LogLevel.Information, "Following definition changes of other nodes as node {NodeId}")]
    private partial void LogListening(string nodeId);

    [LoggerMessage(LogLevel.Warning, "Definition change feed lost; reconnecting in {Delay} and then resynchronising every definition")]
    private partial void LogFeedLost(Exception exception, TimeSpan delay);
}
