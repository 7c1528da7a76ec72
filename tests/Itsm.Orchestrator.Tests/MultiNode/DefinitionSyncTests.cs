using Itsm.Activities.Definitions;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>Definition changes made on one node reach another node's published versions, compiled cache and trigger index.</summary>
public sealed class DefinitionSyncTests : IAsyncLifetime
{
    // The brief's promise is "within a second"; the deadline is looser so a loaded machine does not fail the build,
    // and the figure is what a change takes end to end over loopback (a few milliseconds).
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private PostgreSqlTestDatabase _database = null!;
    private DefinitionNode _a = null!;
    private DefinitionNode _b = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        _a = await DefinitionNode.StartAsync(_database);
        _b = await DefinitionNode.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static WorkflowDefinitionModel Hook(string path) => ElsaJson.ParseDefinition(
        new FlowBuilder("incident-intake", "Incident intake")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", path)), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "received")))
            .Chain("hook", "log")
            .Trigger("hook")
            .ToModel().ToJsonString());

    private static async Task<DefinitionRecord> PublishAsync(DefinitionNode node, string path)
    {
        var result = await node.Definitions.SaveAsync(Hook(path), publish: true, CancellationToken.None);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Definition!;
    }

    private static Task<bool> ListensAsync(DefinitionNode node, string path, string versionId)
        => Eventually.HoldsAsync(() => Task.FromResult(node.Triggers.FindHttp(path) is [{ } entry] && entry.DefinitionVersionId == versionId), Deadline);

    [Fact]
    public async Task A_version_published_on_one_node_starts_on_the_other()
    {
        var v1 = await PublishAsync(_a, "/intake-v1");
        (await ListensAsync(_b, "/intake-v1", v1.Id)).Should().BeTrue("node B hears of the publication");
        (await _b.Definitions.FindAsync("incident-intake", VersionOptions.Published, CancellationToken.None))!.Id.Should().Be(v1.Id);
        _b.Compiled.TryGet(v1.Id, out _).Should().BeTrue("the version is compiled on node B before its first start");

        var v2 = await PublishAsync(_a, "/intake-v2");
        (await ListensAsync(_b, "/intake-v2", v2.Id)).Should().BeTrue("node B moves to the new version");
        _b.Triggers.FindHttp("/intake-v1").Should().BeEmpty("the old version's route went with it");
        (await _b.Definitions.FindAsync("incident-intake", VersionOptions.Published, CancellationToken.None))!.Id.Should().Be(v2.Id);
    }

    [Fact]
    public async Task A_definition_retracted_on_one_node_stops_starting_on_the_other()
    {
        var v1 = await PublishAsync(_a, "/intake");
        (await ListensAsync(_b, "/intake", v1.Id)).Should().BeTrue();

        (await _a.Definitions.RetractAsync("incident-intake", CancellationToken.None)).Should().NotBeNull();

        (await Eventually.HoldsAsync(() => Task.FromResult(_b.Triggers.FindHttp("/intake").Count == 0), Deadline)).Should().BeTrue();
        (await _b.Definitions.FindAsync("incident-intake", VersionOptions.Published, CancellationToken.None)).Should().BeNull();
        _b.Compiled.TryGet(v1.Id, out _).Should().BeTrue("running instances of the retracted version still need it");
    }

    [Fact]
    public async Task A_definition_deleted_on_one_node_leaves_nothing_on_the_other()
    {
        var v1 = await PublishAsync(_a, "/intake");
        (await ListensAsync(_b, "/intake", v1.Id)).Should().BeTrue();

        (await _a.Definitions.DeleteAsync("incident-intake", CancellationToken.None)).Removed.Should().Be(1);

        (await Eventually.HoldsAsync(() => Task.FromResult(!_b.Compiled.TryGet(v1.Id, out _)), Deadline)).Should().BeTrue();
        _b.Triggers.FindHttp("/intake").Should().BeEmpty();
    }

    [Fact]
    public async Task A_change_made_while_a_node_was_not_listening_is_applied_when_it_reconnects()
    {
        await TerminateFeedsAsync();
        var v1 = await PublishAsync(_a, "/intake");
        _b.Triggers.FindHttp("/intake").Should().BeEmpty("node B's feed is down and its reconnect waits on its clock");

        // Each round lets the back-off elapse; the reconnect resynchronises everything, notification or not.
        (await Eventually.HoldsAsync(() =>
        {
            _b.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(_b.Triggers.FindHttp("/intake") is [{ } entry] && entry.DefinitionVersionId == v1.Id);
        }, Deadline)).Should().BeTrue();
    }

    [Fact]
    public async Task A_node_ignores_the_echo_of_its_own_change()
    {
        var v1 = await PublishAsync(_a, "/intake");
        (await ListensAsync(_b, "/intake", v1.Id)).Should().BeTrue();
        (await _b.Definitions.RetractAsync("incident-intake", CancellationToken.None)).Should().NotBeNull();

        // A listener gets notifications in commit order: once A has applied B's retraction, the echo of its own
        // publication (sent earlier) has been read and must have been ignored.
        (await Eventually.HoldsAsync(() => Task.FromResult(_a.Triggers.FindHttp("/intake").Count == 0), Deadline)).Should().BeTrue();
        _a.Heard.Should().Equal("published here", "retracted on another node");
        _b.Heard.Should().Equal("published on another node", "retracted here");
    }

    private async Task TerminateFeedsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'itsm-definition-feed' AND datname = current_database()");
        await command.ExecuteNonQueryAsync();
        (await Eventually.HoldsAsync(async () =>
        {
            await using var count = dataSource.CreateCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'itsm-definition-feed' AND datname = current_database()");
            return (long)(await count.ExecuteScalarAsync())! == 0;
        }, Deadline)).Should().BeTrue();
    }
}
