using Itsm.Activities.Definitions;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Definitions;

public sealed class DefinitionVersioningTests : IAsyncLifetime
{
    private readonly string _workflows = Directory.CreateTempSubdirectory("itsm-workflows-").FullName;
    private ItsmAppFactory? _app;

    private static string Flow(string label, int version = 1)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(new FlowBuilder("versioned")
            .Variable("Label", "String")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "go")))
            .Activity("set", "Elsa.SetVariable", ("variable", VariableRef("Label")), ("value", Literal("Object", label)))
            .Connect("wait", "set").ToJson())!.AsObject();
        json["version"] = version;
        return json.ToJsonString();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Directory.Delete(_workflows, recursive: true);
    }

    [Fact]
    public async Task Running_instances_keep_their_version_while_new_ones_use_the_newly_published()
    {
        _app = new ItsmAppFactory(workflowsPath: _workflows);
        await _app.PublishAsync(Flow("v1 behaviour"));
        var old = await _app.Runtime.StartAsync(new StartRequest("versioned"), default);

        var saved = await _app.Definitions.SaveAsync(ElsaJson.ParseDefinition(Flow("v2 behaviour")), publish: true, default);
        saved.Definition!.Version.Should().Be(2);
        var current = await _app.Runtime.StartAsync(new StartRequest("versioned"), default);
        await _app.Runtime.TriggerEventAsync(new EventRequest("go"), default);

        (await _app.InstanceAsync(old.InstanceId!)).Variable("Label").Should().Be("v1 behaviour");
        (await _app.InstanceAsync(current.InstanceId!)).Variable("Label").Should().Be("v2 behaviour");
        (await _app.InstanceAsync(current.InstanceId!)).Record.Version.Should().Be(2);
    }

    [Fact]
    public async Task Saving_after_publish_creates_a_draft_that_new_instances_do_not_use()
    {
        _app = new ItsmAppFactory(workflowsPath: _workflows);
        await _app.PublishAsync(Flow("published"));

        var draft = await _app.Definitions.SaveAsync(ElsaJson.ParseDefinition(Flow("draft")), publish: false, default);

        draft.Definition!.Version.Should().Be(2);
        draft.Definition.IsPublished.Should().BeFalse();
        (await _app.Definitions.FindAsync("versioned", VersionOptions.Published, default))!.Version.Should().Be(1);
        (await _app.Definitions.FindAsync("versioned", VersionOptions.Latest, default))!.Version.Should().Be(2);
        var again = await _app.Definitions.SaveAsync(ElsaJson.ParseDefinition(Flow("draft edited")), publish: false, default);
        again.Definition!.Version.Should().Be(2, "a draft is updated in place");
    }

    [Fact]
    public async Task Publishing_a_definition_that_does_not_compile_is_refused_with_the_field_at_fault()
    {
        _app = new ItsmAppFactory(workflowsPath: _workflows);
        var broken = new FlowBuilder("broken").Activity("x", "Acme.Unknown").Build();

        var result = await _app.Definitions.SaveAsync(broken, publish: true, default);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle(e => e.Path == "root.activities[0].type");
        (await _app.Definitions.FindAsync("broken", VersionOptions.Published, default)).Should().BeNull();
    }

    [Fact]
    public async Task Seed_files_publish_new_and_higher_versions_and_leave_api_edits_alone()
    {
        await File.WriteAllTextAsync(Path.Combine(_workflows, "versioned.json"), Flow("from file v1"));
        await File.WriteAllTextAsync(Path.Combine(_workflows, "broken.json"), "{ not json");
        _app = new ItsmAppFactory(workflowsPath: _workflows);
        (await _app.Definitions.FindAsync("versioned", VersionOptions.Published, default))!.Version.Should().Be(1);

        // An edit through the API publishes v2; restarting with the same v1 file must not undo it.
        await _app.Definitions.SaveAsync(ElsaJson.ParseDefinition(Flow("edited in designer")), publish: true, default);
        var dataPath = _app.DataPath;
        await using (var restarted = new ItsmAppFactory(dataPath, workflowsPath: _workflows))
        {
            var kept = (await restarted.Definitions.FindAsync("versioned", VersionOptions.Published, default))!;
            kept.Version.Should().Be(2);
            restarted.Definitions.ToModel(kept).Root!.ToJsonString().Should().Contain("edited in designer");
        }

        // A file with a higher version than the store's latest is imported and published.
        await File.WriteAllTextAsync(Path.Combine(_workflows, "versioned.json"), Flow("from file v5", version: 5));
        await using var upgraded = new ItsmAppFactory(dataPath, workflowsPath: _workflows);
        var published = (await upgraded.Definitions.FindAsync("versioned", VersionOptions.Published, default))!;
        published.Version.Should().Be(5);
        var started = await upgraded.Runtime.StartAsync(new StartRequest("versioned"), default);
        started.Outcome.Should().Be(StartOutcome.Started);
    }
}
