using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// Applies the per-connection pragmas to every connection EF Core opens. <c>synchronous</c> is a
/// connection setting (not stored in the file), so it has to be set on each open.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqliteConnections.ConnectionPragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = SqliteConnections.ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
