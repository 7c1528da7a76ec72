using Itsm.Activities.Model;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence.Sqlite;

/// <summary>Upgrading a database whose open tasks still sit on the bookmark row keeps every task in the inbox.</summary>
public sealed class TaskModelMigrationTests : IDisposable
{
    private const string MigrationBeforeTaskModel = "20261123193516_LeanerWriteIndexes";

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Open_tasks_on_bookmark_rows_move_into_the_task_table()
    {
        var options = new PersistenceOptions { DataPath = _folder.Path };
        Directory.CreateDirectory(options.DataDirectory);
        await using (var context = new ItsmDbContext(new DbContextOptionsBuilder<ItsmDbContext>().UseSqlite(options.ConnectionString).Options))
        {
            await context.GetService<IMigrator>().MigrateAsync(MigrationBeforeTaskModel);
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Bookmarks\" (\"Id\", \"InstanceId\", \"ActivityId\", \"ActivityType\", \"Kind\", \"Key\", \"CorrelationId\", " +
                "\"PayloadJson\", \"CreatedAt\", \"ResumeAt\", \"Role\", \"Title\", \"DueAt\") VALUES " +
                "('t1', 'i1', 'triage', 'Elsa.RunTask', 'Elsa.RunTask', 'Triage', NULL, NULL, {0}, NULL, 'ServiceDesk', 'Triage', {1}), " +
                "('e1', 'i1', 'wait', 'Elsa.Event', 'Elsa.Event', 'approved', NULL, NULL, {0}, NULL, NULL, NULL, NULL)",
                T0.UtcTicks, T0.AddDays(1).UtcTicks);
        }

        SqliteConnection.ClearAllPools();

        await using var host = await PersistenceHost.StartAsync(_folder.Path);
        (await host.Store.FindBookmarkAsync("t1", CancellationToken.None))!.Task.Should()
            .Be(new HumanTask { Role = "ServiceDesk", Title = "Triage", DueAt = T0.AddDays(1) });
        (await host.Store.FindBookmarkAsync("e1", CancellationToken.None))!.Task.Should().BeNull();
        (await host.Queries.ListTasksAsync(new TaskQuery { Role = "ServiceDesk" }, CancellationToken.None)).Select(t => t.Id).Should().Equal("t1");
    }
}
