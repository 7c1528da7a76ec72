using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Engine;

public sealed class NodeTagCompilationTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Create(
        ActivityRegistry.BuiltInTypes().Append(typeof(TaggedStep)).Append(typeof(CategorisedTaggedStep)), TestPorts.Default);

    private static CompiledWorkflow Compile(FlowBuilder flow) => new WorkflowCompiler(Registry).Compile(flow.Build());

    private static JsonObject Tags(params string[] values) => Obj("String[]", System.Text.Json.JsonSerializer.Serialize(values));

    [Fact]
    public void Tag_inputs_compile_into_the_node_tags_from_a_json_array_text_a_comma_list_or_a_real_array()
    {
        var workflow = Compile(new FlowBuilder()
            .Activity("log", "Elsa.WriteLine",
                ("text", Literal("String", "hello")),
                (ItilTagInputs.ValueChain, Obj("String[]", "[\"engage\", \"deliver-and-support\"]")),
                (ItilTagInputs.Practices, Literal("String[]", "service-desk, incident-management")),
                (ItilTagInputs.Roles, new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = new JsonArray("service desk agent") } })));

        var tags = workflow.NodesById["log"].Tags;
        tags.ValueChain.Should().Equal("engage", "deliver-and-support");
        tags.Practices.Should().Equal("service-desk", "incident-management");
        tags.Roles.Should().Equal("service desk agent");
        workflow.NodesById["log"].TagsJson.Should().Be(
            "{\"valueChain\":[\"engage\",\"deliver-and-support\"],\"practices\":[\"service-desk\",\"incident-management\"],\"roles\":[\"service desk agent\"]}");
    }

    [Fact]
    public void Tag_inputs_are_metadata_and_never_bound_as_activity_inputs()
    {
        var workflow = Compile(new FlowBuilder()
            .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "hello")), (ItilTagInputs.Practices, Tags("service-desk"))));

        var node = workflow.NodesById["log"];
        node.Descriptor.Inputs.Select(input => input.Name).Should().NotContain(ItilTagInputs.Practices);
        node.TryGetConstantInput("text", out var text).Should().BeTrue();
        text.Should().Be("hello");
    }

    [Fact]
    public void Legacy_custom_properties_tags_are_read_when_the_node_has_no_tag_inputs()
    {
        var flow = new FlowBuilder().Activity("log", "Elsa.WriteLine", ("text", Literal("String", "hello")));
        var model = flow.Build();
        var activity = (JsonObject)model.Root!["activities"]![0]!;
        activity["customProperties"]!["itil"] = JsonNode.Parse("""{ "chain": ["engage"], "practices": ["service-desk"], "roles": ["user"] }""");

        var tags = new WorkflowCompiler(Registry).Compile(model).NodesById["log"].Tags;

        tags.Should().Be(new NodeTags(["engage"], ["service-desk"], ["user"]));
    }

    [Fact]
    public void Tag_inputs_win_over_legacy_tags_tag_by_tag()
    {
        var model = new FlowBuilder().Activity("log", "Elsa.WriteLine", (ItilTagInputs.Practices, Tags("incident-management"))).Build();
        var activity = (JsonObject)model.Root!["activities"]![0]!;
        activity["customProperties"]!["itil"] = JsonNode.Parse("""{ "chain": ["engage"], "practices": ["service-desk"], "roles": [] }""");

        var tags = new WorkflowCompiler(Registry).Compile(model).NodesById["log"].Tags;

        tags.ValueChain.Should().Equal("engage");
        tags.Practices.Should().Equal("incident-management");
        tags.Roles.Should().BeEmpty();
    }

    [Fact]
    public void Type_default_tags_apply_where_the_node_sets_none_and_are_replaced_tag_by_tag()
    {
        var workflow = Compile(new FlowBuilder()
            .Activity("plain", "Test.TaggedStep")
            .Activity("retagged", "Test.TaggedStep", (ItilTagInputs.Roles, Tags("network support engineer")))
            .Activity("untouched", "Test.TaggedStep", (ItilTagInputs.Practices, Obj("String[]", "[]")))
            .Chain("plain", "retagged", "untouched"));

        workflow.NodesById["plain"].Tags.Should().Be(new NodeTags(["deliver-and-support"], ["incident-management"], ["service desk agent"]));
        workflow.NodesById["retagged"].Tags.Should().Be(new NodeTags(["deliver-and-support"], ["incident-management"], ["network support engineer"]));
        workflow.NodesById["untouched"].Tags.Practices.Should().Equal(["incident-management"], "an empty checklist (what Studio writes untouched) keeps the default");
    }

    [Fact]
    public void JavaScript_tag_expression_is_refused_naming_the_node()
    {
        var act = () => Compile(new FlowBuilder()
            .Activity("triage", "Elsa.WriteLine", (ItilTagInputs.Practices, Js("String[]", "return ['incident-management'];"))));

        var error = act.Should().Throw<WorkflowDefinitionException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be($"root.activities[0].{ItilTagInputs.Practices}.expression.type");
        error.Message.Should().Contain("'triage'").And.Contain(ItilTagInputs.Practices);
    }

    [Fact]
    public void Tag_value_with_a_quote_is_refused_naming_the_node()
    {
        var act = () => Compile(new FlowBuilder().Activity("triage", "Elsa.WriteLine", (ItilTagInputs.Roles, Tags("desk \"agent\""))));

        act.Should().Throw<WorkflowDefinitionException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("'triage'");
    }

    [Fact]
    public async Task Untagged_elsa_export_compiles_and_runs_with_no_tags_in_its_journal()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "decision-flow.json"));
        var workflow = FlowchartHarness.Compile(json);

        var run = await new FlowchartHarness().StartAsync(workflow);

        run.Status.Should().Be(InstanceStatus.Finished);
        workflow.Nodes.Should().OnlyContain(node => node.Tags.IsEmpty && node.TagsJson == null);
        run.LastBurst.Journal.Should().NotBeEmpty().And.OnlyContain(entry => entry.Tags == null);
    }

    [Fact]
    public async Task Every_journal_entry_of_a_tagged_node_carries_its_compiled_tags()
    {
        var workflow = Compile(new FlowBuilder()
            .Activity("start", "Elsa.Start")
            .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "hi")), (ItilTagInputs.ValueChain, Tags("engage")), (ItilTagInputs.Roles, Tags("user")))
            .Activity("step", "Test.TaggedStep")
            .Chain("start", "log", "step"));

        var run = await new FlowchartHarness().StartAsync(workflow);

        run.Status.Should().Be(InstanceStatus.Finished);
        run.LastBurst.Journal.Where(entry => entry.ActivityId == "log").Should().NotBeEmpty()
            .And.OnlyContain(entry => entry.Tags == "{\"valueChain\":[\"engage\"],\"practices\":[],\"roles\":[\"user\"]}");
        var stepTags = workflow.NodesById["step"].TagsJson;
        stepTags.Should().NotBeNull();
        run.LastBurst.Journal.Where(entry => entry.ActivityId == "step").Should().NotBeEmpty()
            .And.OnlyContain(entry => entry.Tags == stepTags);
        run.LastBurst.Journal.Where(entry => entry.ActivityId == "start").Should().OnlyContain(entry => entry.Tags == null);
    }

    [Fact]
    public void Tagged_type_without_a_category_is_grouped_under_its_first_chain_activity_and_built_ins_keep_theirs()
    {
        Registry.Find("Test.TaggedStep")!.Category.Should().Be("Deliver and support");
        Registry.Find("Test.CategorisedTaggedStep")!.Category.Should().Be("Test", "an explicit category wins");
        Registry.Find("Elsa.WriteLine")!.Category.Should().Be("Console");
    }

    [Fact]
    public void Activity_declaring_an_input_named_like_a_tag_is_refused_at_registration()
    {
        var act = () => ActivityRegistry.Create([typeof(ClashingStep)]);

        act.Should().Throw<InvalidOperationException>().WithMessage($"*{ItilTagInputs.Roles}*");
    }

    [Activity("Test", "TaggedStep", Description = "A step with default tags.")]
    [ItilTags(ValueChain = ["deliver-and-support"], Practices = ["incident-management"], Roles = ["service desk agent"])]
    public sealed class TaggedStep : Activity
    {
        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => new(Done());
    }

    [Activity("Test", "CategorisedTaggedStep", Category = "Test")]
    [ItilTags(ValueChain = ["plan"])]
    public sealed class CategorisedTaggedStep : Activity
    {
        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => new(Done());
    }

    [Activity("Test", "ClashingStep")]
    public sealed class ClashingStep : Activity<ClashingStep.Inputs>
    {
        public sealed class Inputs
        {
            [Input]
            public string[]? ItilRoles { get; set; }
        }

        protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken) => new(Done());
    }
}
