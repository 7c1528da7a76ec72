using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Itsm.Activities.Itil;
using Itsm.Activities.Itil.Catalogue;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>
/// What Studio's toolbox and property panel get from <c>GET /elsa/api/descriptors/activities</c>: every activity named,
/// described and filed, and each input with an editor that fits it — pick lists where the value is one of a known set,
/// check boxes for flags, multi-line boxes for long text, JavaScript first for conditions, and outcome lists that
/// become the node's ports.
/// </summary>
public sealed class DescriptorsToolboxTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private JsonArray _descriptors = [];

    public async Task InitializeAsync()
    {
        var list = await (await _host.Client.GetAsync("/elsa/api/descriptors/activities?Refresh=True")).ReadNodeAsync();
        _descriptors = list["items"]!.AsArray();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Every_activity_has_a_display_name_a_description_and_a_category()
    {
        _descriptors.Should().HaveCountGreaterThan(40, "the engine's activities and the ITIL library are all listed");
        var incomplete = _descriptors
            .Where(d => new[] { "displayName", "description", "category" }.Any(field => string.IsNullOrWhiteSpace(d![field]?.GetValue<string>())))
            .Select(d => d!["typeName"]!.GetValue<string>())
            .ToList();
        incomplete.Should().BeEmpty("the toolbox shows each activity's name and description under its category");
    }

    [Theory]
    [InlineData("Itsm.LogIncident")]
    [InlineData("Itsm.RaiseChange")]
    [InlineData("Itsm.ObtainBuild")]
    [InlineData("Itsm.RegisterImprovement")]
    public void A_library_activity_is_filed_under_its_first_chain_activity(string typeName)
    {
        var descriptor = Descriptor(typeName);
        // The type's default tags, in the order it declares them.
        var defaults = Input(descriptor, "ItilValueChain")["defaultValue"]!.GetValue<string>();
        var firstChainActivity = JsonNode.Parse(defaults)!.AsArray()[0]!.GetValue<string>();

        descriptor["category"]!.GetValue<string>().Should().Be(ItilCatalogue.Default.FindChainActivity(firstChainActivity)!.Name);
    }

    [Fact]
    public void Priorities_impact_urgency_change_types_and_improvement_sources_are_pick_lists()
    {
        DropDownValues(Descriptor("Itsm.LogIncident"), "Impact").Should().Equal("Low", "Medium", "High");
        DropDownValues(Descriptor("Itsm.LogIncident"), "Urgency").Should().Equal("Low", "Medium", "High");
        DropDownValues(Descriptor("Itsm.RaiseChange"), "ChangeType").Should().Equal("Standard", "Normal", "Emergency");
        DropDownValues(Descriptor("Itsm.RaiseChange"), "Priority").Should().Equal("P1", "P2", "P3", "P4");
        DropDownValues(Descriptor("Itsm.LogProblem"), "Priority").Should().Equal("P1", "P2", "P3", "P4");
        DropDownValues(Descriptor("Itsm.RegisterImprovement"), "Source").Should().Contain(["Survey", "Stream"]);
        DropDownValues(Descriptor("Itsm.DeployRelease"), "ReleaseMode").Should().Equal("Immediate", "FeatureFlag");
    }

    [Fact]
    public void Role_inputs_pick_from_the_catalogue_roles_and_a_step_may_have_none()
    {
        var roles = ItilCatalogue.Default.Roles.Order(StringComparer.Ordinal).ToList();

        DropDownValues(Descriptor("Itsm.Engage"), "Role").Should().Equal([string.Empty, .. roles], "(none) leaves the step automated");
        DropDownItems(Descriptor("Itsm.Engage"), "Role")[0]!["text"]!.GetValue<string>().Should().Be("(none)");
        DropDownValues(Descriptor("Itsm.Improve"), "Role").Should().Equal([string.Empty, .. roles]);
        DropDownValues(Descriptor("Itsm.RaiseChange"), "ChangeAuthority").Should().Equal(roles).And.Contain("change authority");
        DropDownValues(Descriptor("Itsm.EscalateIncident"), "SupportGroup").Should().Equal(roles);
        DropDownValues(Descriptor("Elsa.RunTask"), "Role").Should().Equal([string.Empty, .. roles]);
    }

    [Fact]
    public void Record_kind_inputs_pick_from_the_record_types()
    {
        var kinds = RecordTypes.All.Order(StringComparer.Ordinal).ToList();

        DropDownValues(Descriptor("Itsm.NotifyStakeholder"), "AboutRecordType").Should().Equal([string.Empty, .. kinds]);
        DropDownValues(Descriptor("Itsm.RegisterImprovement"), "SourceRecordType").Should().Equal([string.Empty, .. kinds]);
    }

    [Theory]
    [InlineData("Itsm.Engage", "Outcomes")]
    [InlineData("Itsm.DeliverAndSupport", "Outcomes")]
    [InlineData("Elsa.FlowFork", "Branches")]
    public void Listed_outcomes_become_the_nodes_ports_next_to_done(string typeName, string inputName)
    {
        var input = Input(Descriptor(typeName), inputName);

        input["uiHint"]!.GetValue<string>().Should().Be("dynamic-outcomes", "Studio's port provider then draws a port per listed name");
        input["typeName"]!.GetValue<string>().Should().Be("String[]");
        // Studio drops the descriptor's ports for such a node: Done, taken when nothing is listed, must be named here.
        input["uiSpecifications"]!["DynamicOutcomesOptions"]!["fixedOutcomes"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal("Done");
    }

    [Theory]
    [InlineData("Itsm.CloseChange", "Successful", "checkbox")]
    [InlineData("Itsm.EscalateIncident", "CreateTask", "checkbox")]
    [InlineData("Elsa.ExecuteWorkflow", "WaitForCompletion", "checkbox")]
    [InlineData("Itsm.LogIncident", "Description", "multiline")]
    [InlineData("Itsm.Plan", "Instructions", "multiline")]
    [InlineData("Itsm.NotifyStakeholder", "Body", "multiline")]
    [InlineData("Elsa.WriteHttpResponse", "Content", "multiline")]
    [InlineData("Itsm.UpdateConfigurationItem", "Fields", "json-editor")]
    [InlineData("Elsa.RunTask", "Payload", "json-editor")]
    [InlineData("Elsa.ExecuteWorkflow", "Input", "json-editor")]
    [InlineData("Itsm.LogProblem", "IncidentIds", "multitext")]
    [InlineData("Itsm.LogIncident", "Title", "singleline")]
    public void Inputs_get_the_editor_their_type_needs(string typeName, string inputName, string uiHint)
        => Input(Descriptor(typeName), inputName)["uiHint"]!.GetValue<string>().Should().Be(uiHint);

    [Fact]
    public void A_decision_condition_is_written_in_javascript_by_default_and_every_expression_input_may_be()
    {
        var condition = Input(Descriptor("Elsa.FlowDecision"), "Condition");
        condition["defaultSyntax"]!.GetValue<string>().Should().Be("JavaScript");
        condition["uiHint"]!.GetValue<string>().Should().Be("singleline");

        // Studio offers the browsable expression languages (JavaScript among them) on every wrapped input.
        var notWrapped = _descriptors
            .Where(d => d!["typeName"]!.GetValue<string>().StartsWith("Itsm.", StringComparison.Ordinal))
            .SelectMany(d => d!["inputs"]!.AsArray().Select(input => (Type: d["typeName"]!.GetValue<string>(), Input: input!)))
            .Where(pair => !pair.Input["isWrapped"]!.GetValue<bool>())
            .Select(pair => $"{pair.Type}.{pair.Input["name"]}")
            .ToList();
        notWrapped.Should().BeEmpty("every input of the ITIL library takes an expression");
    }

    [Fact]
    public void Every_role_a_shipped_stream_names_is_in_the_role_pick_lists()
    {
        var known = ItilCatalogue.Default.Roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(WorkflowsFolder(), "*.json"))
        {
            var activities = JsonNode.Parse(File.ReadAllText(file))!["root"]!["activities"]!.AsArray().OfType<JsonObject>();
            foreach (var activity in activities)
            {
                foreach (var name in new[] { "role", "supportGroup", "changeAuthority" })
                    if (activity[name]?["expression"] is JsonObject { } expression && expression["type"]?.GetValue<string>() == "Literal"
                        && expression["value"]?.GetValue<string>() is { Length: > 0 } role && !known.Contains(role))
                        missing.Add($"{Path.GetFileName(file)}: {role}");
                if (activity[ItilTagInputs.Roles]?["expression"]?["value"]?.GetValue<string>() is { } tagged)
                    foreach (var role in JsonNode.Parse(tagged)!.AsArray().Select(r => r!.GetValue<string>()).Where(r => !known.Contains(r)))
                        missing.Add($"{Path.GetFileName(file)}: {role}");
            }
        }
        missing.Should().BeEmpty("a role outside the list shows as an empty pick list in Studio; add it to itil-catalogue.json");
    }

    private JsonNode Descriptor(string typeName)
        => _descriptors.SingleOrDefault(d => d!["typeName"]!.GetValue<string>() == typeName)
            ?? throw new InvalidOperationException($"No descriptor for {typeName}.");

    private static JsonNode Input(JsonNode descriptor, string name)
        => descriptor["inputs"]!.AsArray().SingleOrDefault(input => input!["name"]!.GetValue<string>() == name)
            ?? throw new InvalidOperationException($"{descriptor["typeName"]} has no input {name}.");

    private static JsonArray DropDownItems(JsonNode descriptor, string inputName)
    {
        var input = Input(descriptor, inputName);
        input["uiHint"]!.GetValue<string>().Should().Be("dropdown", $"{descriptor["typeName"]}.{inputName} takes one of a known set");
        return input["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray();
    }

    private static List<string> DropDownValues(JsonNode descriptor, string inputName)
        => DropDownItems(descriptor, inputName).Select(item => item!["value"]!.GetValue<string>()).ToList();

    private static string WorkflowsFolder([CallerFilePath] string path = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "workflows"));
}
