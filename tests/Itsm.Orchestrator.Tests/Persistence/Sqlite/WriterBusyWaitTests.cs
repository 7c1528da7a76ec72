using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Data.Sqlite;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Persistence.Sqlite;

/// <summary>
/// The group writer shares the database with short EF write transactions (record numbers, definition saves): it waits
/// for their lock like every other connection instead of failing the commit ("database is locked" was a 500).
/// </summary>
public sealed class WriterBusyWaitTests
{
    [Fact]
    public async Task A_commit_waits_for_another_connections_write_transaction_instead_of_failing()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("busy-wait")
            .Variable("Note", "String")
            .Activity("note", "Elsa.SetVariable", ("variable", VariableRef("Note")), ("value", Literal("Object", "written")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "never")))
            .Chain("note", "wait").ToJson());

        await using var other = new SqliteConnection($"Data Source={Path.Combine(app.DataPath, PersistenceOptions.DatabaseFileName)};Pooling=False");
        await other.OpenAsync();
        await using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
        }

        var start = app.Runtime.StartAsync(new StartRequest("busy-wait"), default);
        await Task.Delay(300);
        start.IsCompleted.Should().BeFalse("the commit waits while another connection holds the write lock");
        await using (var release = other.CreateCommand())
        {
            release.CommandText = "COMMIT";
            await release.ExecuteNonQueryAsync();
        }

        var started = await start;
        started.State!.Status.Should().Be(InstanceStatus.Suspended, "the commit went through once the lock was free");
    }
}
