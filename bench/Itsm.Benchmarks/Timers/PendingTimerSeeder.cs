using Itsm.Activities.Model;
using Microsoft.Data.Sqlite;

namespace Itsm.Benchmarks.Timers;

/// <summary>Writes suspended instances with one pending Delay each, straight into the database (one transaction).</summary>
internal static class PendingTimerSeeder
{
    public static void Seed(string databasePath, int count, DateTimeOffset now, TimeSpan spread)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var instance = connection.CreateCommand();
        instance.Transaction = transaction;
        instance.CommandText = "INSERT INTO \"Instances\" (\"Id\", \"DefinitionId\", \"DefinitionVersionId\", \"Version\", \"Name\", \"Status\", " +
            "\"CorrelationId\", \"ParentInstanceId\", \"FaultCount\", \"CreatedAt\", \"UpdatedAt\", \"FinishedAt\", \"Revision\", \"StateJson\") " +
            "VALUES ($id, 'bench', 'bench:v1', 1, NULL, $status, NULL, NULL, 0, $at, $at, NULL, 1, '{}')";
        var instanceId = instance.Parameters.Add("$id", SqliteType.Text);
        instance.Parameters.AddWithValue("$status", (int)InstanceStatus.Suspended);
        instance.Parameters.AddWithValue("$at", now.UtcTicks);
        using var bookmark = connection.CreateCommand();
        bookmark.Transaction = transaction;
        bookmark.CommandText = "INSERT INTO \"Bookmarks\" (\"Id\", \"InstanceId\", \"ActivityId\", \"ActivityType\", \"Kind\", \"Key\", \"CorrelationId\", " +
            "\"PayloadJson\", \"CreatedAt\", \"ResumeAt\") " +
            "VALUES ($id, $instance, 'pause', 'Elsa.Delay', 'Elsa.Delay', NULL, NULL, NULL, $at, $resume)";
        var bookmarkId = bookmark.Parameters.Add("$id", SqliteType.Text);
        var bookmarkInstance = bookmark.Parameters.Add("$instance", SqliteType.Text);
        bookmark.Parameters.AddWithValue("$at", now.UtcTicks);
        var resumeAt = bookmark.Parameters.Add("$resume", SqliteType.Integer);
        var step = spread.Ticks / count;
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7().ToString("N");
            instanceId.Value = id;
            instance.ExecuteNonQuery();
            bookmarkId.Value = Guid.CreateVersion7().ToString("N");
            bookmarkInstance.Value = id;
            resumeAt.Value = now.UtcTicks + (i + 1) * step;
            bookmark.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
