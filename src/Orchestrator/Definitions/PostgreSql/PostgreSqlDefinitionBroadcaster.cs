using Npgsql;

namespace Itsm.Orchestrator.Definitions.PostgreSql;

/// <summary>
/// Tells the other nodes that a definition changed here: <c>pg_notify</c> on <see cref="DefinitionChangeChannel.Name"/>
/// once the change is committed (the lifecycle is told after the commit). Changes applied from another node and
/// start-up loads are not repeated.
/// </summary>
/// <remarks>
/// A node that dies between the commit and the notification leaves the others unaware until their feed reconnects
/// or the periodic resynchronisation (<see cref="DefinitionSyncOptions.ResyncInterval"/>) runs.
/// </remarks>
public sealed class PostgreSqlDefinitionBroadcaster(NpgsqlDataSource dataSource, DefinitionChangeChannel channel) : IDefinitionLifecycleHandler
{
    public Task OnPublishedAsync(DefinitionPublished published, CancellationToken cancellationToken)
        => published.AtStartup || published.FromOtherNode ? Task.CompletedTask : NotifyAsync(published.DefinitionId, cancellationToken);

    public Task OnRetractedAsync(DefinitionRetracted retracted, CancellationToken cancellationToken)
        => retracted.FromOtherNode ? Task.CompletedTask : NotifyAsync(retracted.DefinitionId, cancellationToken);

    public Task OnDeletedAsync(DefinitionDeleted deleted, CancellationToken cancellationToken)
        => deleted.FromOtherNode ? Task.CompletedTask : NotifyAsync(deleted.DefinitionId, cancellationToken);

    private async Task NotifyAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = DefinitionChangeChannel.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel.Payload(definitionId) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
