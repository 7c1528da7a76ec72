using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Engine;

/// <summary>
/// What a script can do to an instance ends as a fault on that instance, worded in the workflow's terms. Depths
/// here stay shallow enough that a regression fails the test rather than the test runner (the 20,000-deep
/// scripts run in a child process: ScriptCrashTests in the orchestrator tests).
/// </summary>
public sealed class ScriptLimitsTests
{
    private static Task<FlowchartHarness.Run> RunScriptAsync(string script, EngineOptions? options = null, string variableType = "Object")
    {
        var flow = new FlowBuilder()
            .Variable("Result", variableType)
            .Activity("run", "Elsa.SetVariable", ("variable", VariableRef("Result")), ("value", Js("Object", script)));
        return new FlowchartHarness(options).StartAsync(FlowchartHarness.Compile(flow.Build()));
    }

    private static void ShouldFault(FlowchartHarness.Run run, string kind, params string[] phrases)
    {
        run.Status.Should().Be(InstanceStatus.Faulted);
        var fault = run.State.Fault!;
        fault.ActivityId.Should().Be("run");
        fault.ExceptionType.Should().Be(kind);
        foreach (var phrase in phrases) fault.Message.Should().ContainEquivalentOf(phrase);
        fault.Message.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task Script_returning_an_object_nested_past_the_bound_faults_naming_the_limit()
    {
        var run = await RunScriptAsync("let o = {}; for (let i = 0; i < 200; i++) o = { a: o }; return o;");

        ShouldFault(run, FaultKinds.Script, "nested deeper than 64 levels", "Input 'value'");
    }

    [Fact]
    public async Task Script_returning_an_array_nested_past_the_bound_faults_naming_the_limit()
    {
        var run = await RunScriptAsync("let o = []; for (let i = 0; i < 200; i++) o = [o]; return o;");

        ShouldFault(run, FaultKinds.Script, "nested deeper than 64 levels");
    }

    [Fact]
    public async Task Script_returning_a_value_within_the_bound_keeps_it()
    {
        var run = await RunScriptAsync("let o = { leaf: true }; for (let i = 0; i < 20; i++) o = { a: o, list: [i] }; return o;");

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Variable("Result").Should().BeAssignableTo<IDictionary<string, object?>>();
    }

    [Fact]
    public async Task Script_setting_a_variable_nested_past_the_bound_faults_naming_the_limit()
    {
        var run = await RunScriptAsync("let o = []; for (let i = 0; i < 200; i++) o = [o]; setVariable('Result', o); return 1;");

        ShouldFault(run, FaultKinds.Script, "nested deeper than 64 levels");
    }

    [Fact]
    public void Variable_nested_past_the_bound_is_refused_on_its_way_into_a_script()
    {
        object deep = new List<object?>();
        for (var i = 0; i < 100; i++) deep = new List<object?> { deep };
        var host = new ScriptHost(new FakeScope { ["Deep"] = deep }, new ScriptOptions());

        var act = () => host.Evaluate(PreparedScript.Prepare("variables.Deep.length"));

        act.Should().Throw<ScriptException>().WithMessage("*nested deeper than 64 levels*");
    }

    [Fact]
    public async Task Scripts_on_dedicated_script_threads_return_values_and_fault_the_same_way()
    {
        var options = new EngineOptions { Scripts = new ScriptOptions { DedicatedThreads = true, MaxConcurrency = 1 } };

        var ok = await RunScriptAsync("return [1, 2].length - 1;", options);
        var deep = await RunScriptAsync("let o = {}; for (let i = 0; i < 200; i++) o = { a: o }; return o;", options);
        var thrown = await RunScriptAsync("throw new Error('CMDB down');", options);

        ok.Status.Should().Be(InstanceStatus.Finished);
        ok.Variable("Result").Should().Be(1.0);
        ShouldFault(deep, FaultKinds.Script, "nested deeper than 64 levels");
        ShouldFault(thrown, FaultKinds.Script, "CMDB down");
    }

    [Fact]
    public async Task Catastrophic_regex_faults_within_the_script_time_limit()
    {
        var options = new EngineOptions { Scripts = new ScriptOptions { Timeout = TimeSpan.FromMilliseconds(300) } };

        var run = await RunScriptAsync("return /(a+)+$/.test('a'.repeat(40) + '!');", options);

        ShouldFault(run, FaultKinds.Script, "regular expression", "0.3 s");
    }

    [Fact]
    public async Task Variable_larger_than_its_cap_faults_naming_the_variable_and_the_limit()
    {
        var run = await RunScriptAsync("return 'x'.repeat(300 * 1024);");

        ShouldFault(run, FaultKinds.Limit, "variable 'Result'", "256 KB");
        run.Variable("Result").Should().BeNull("the refused value is not stored");
    }

    [Fact]
    public async Task Variables_together_larger_than_the_state_cap_fault_the_step_that_crosses_it()
    {
        var options = new EngineOptions { MaxVariableBytes = 8 * 1024, MaxStateBytes = 12 * 1024 };
        var flow = new FlowBuilder()
            .Variable("First", "String")
            .Variable("Second", "String")
            .Activity("one", "Elsa.SetVariable", ("variable", VariableRef("First")), ("value", Js("Object", "'a'.repeat(7000)")))
            .Activity("two", "Elsa.SetVariable", ("variable", VariableRef("Second")), ("value", Js("Object", "'b'.repeat(7000)")))
            .Connect("one", "two");

        var run = await new FlowchartHarness(options).StartAsync(FlowchartHarness.Compile(flow.Build()));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.ActivityId.Should().Be("two");
        run.State.Fault.Message.Should().ContainEquivalentOf("variable 'Second'").And.Contain("instance state").And.Contain("12 KB");
        run.Variable("First").Should().BeOfType<string>();
    }

    [Fact]
    public async Task Activity_output_larger_than_its_variables_cap_faults_the_step_that_produced_it()
    {
        var flow = new FlowBuilder()
            .Variable("Body", "Object")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "incidents")), ("supportedMethods", Obj("String[]", "[\"POST\"]")),
                ("parsedContent", new System.Text.Json.Nodes.JsonObject { ["typeName"] = "Object", ["memoryReference"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "Body-id" } }));
        var request = new HttpRequestData("POST", "incidents", new Dictionary<string, object?> { ["notes"] = new string('n', 300 * 1024) },
            new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

        var run = await new FlowchartHarness().StartAsync(FlowchartHarness.Compile(flow.Build()), triggerActivityId: "hook", triggerInput: request);

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.ActivityId.Should().Be("hook");
        run.State.Fault.Message.Should().Be("Variable 'Body' exceeds 256 KB (the limit of one value)");
        run.Variable("Body").Should().BeNull();
    }

    [Fact]
    public async Task Workflow_output_larger_than_the_cap_set_from_a_script_faults_naming_it()
    {
        var run = await RunScriptAsync("setOutput('Report', 'r'.repeat(300 * 1024)); return 1;");

        ShouldFault(run, FaultKinds.Script, "output 'Report' exceeds 256 KB");
        run.State.Output.Should().BeNull();
    }

    [Fact]
    public async Task Correlation_id_longer_than_the_cap_set_from_a_script_faults()
    {
        var run = await RunScriptAsync("setCorrelationId('c'.repeat(300)); return 1;");

        ShouldFault(run, FaultKinds.Script, "correlation id is 300 characters", "256");
        run.State.CorrelationId.Should().BeNull();
    }

    [Fact]
    public async Task Correlation_id_longer_than_the_cap_set_by_the_Correlate_activity_faults()
    {
        var flow = new FlowBuilder().Activity("run", "Elsa.Correlate", ("correlationId", Literal("String", new string('c', 257))));

        var run = await new FlowchartHarness().StartAsync(FlowchartHarness.Compile(flow.Build()));

        ShouldFault(run, FaultKinds.Limit, "correlation id is 257 characters");
    }

    [Fact]
    public async Task Correlation_id_within_the_cap_is_set()
    {
        var run = await RunScriptAsync("setCorrelationId('order-' + 'c'.repeat(200)); return 1;");

        run.Status.Should().Be(InstanceStatus.Finished);
        run.State.CorrelationId.Should().HaveLength(206);
    }

    [Theory]
    [InlineData("setVariable('Ghost', 1); return 1;")]
    [InlineData("variables.Ghost = 1; return 1;")]
    public async Task Script_setting_an_undeclared_variable_faults_naming_it(string script)
    {
        var run = await RunScriptAsync(script);

        ShouldFault(run, FaultKinds.Script, "variable 'Ghost' is not declared");
        run.State.Variables.Should().NotContainKey("Ghost");
    }

    [Fact]
    public async Task SetVariable_activity_on_an_undeclared_variable_faults_naming_it()
    {
        var flow = new FlowBuilder().Activity("run", "Elsa.SetVariable", ("variable", VariableRef("Ghost")), ("value", Literal("Object", "x")));

        var run = await new FlowchartHarness().StartAsync(FlowchartHarness.Compile(flow.Build()));

        ShouldFault(run, FaultKinds.Limit, "variable 'Ghost' is not declared");
    }

    [Fact]
    public async Task Unexpected_exception_leaves_only_a_generic_message_and_the_fault_id_on_the_instance()
    {
        var registry = ActivityRegistry.Create([.. ActivityRegistry.BuiltInTypes(), typeof(Exploding)], TestPorts.Default);
        var flow = new FlowBuilder().Activity("run", "Test.Exploding");
        var workflow = new WorkflowCompiler(registry).Compile(flow.Build());
        var harness = new FlowchartHarness();

        var run = await harness.StartAsync(workflow);

        ShouldFault(run, FaultKinds.Internal, "failed unexpectedly", run.State.Fault!.Id);
        run.State.Fault.Message.Should().NotContain("secret connection string");
        run.LastBurst.FaultException.Should().BeOfType<InvalidOperationException>("the runtime logs it");
    }

    [Activity("Test", "Exploding")]
    public sealed class Exploding : Activity
    {
        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
            => throw new InvalidOperationException("secret connection string Server=db;Password=hunter2");
    }

    private sealed class FakeScope : Dictionary<string, object?>, IScriptScope
    {
        public IEnumerable<string> VariableNames => Keys;
        public object? GetVariable(string nameOrId) => TryGetValue(nameOrId, out var value) ? value : null;
        public void SetVariable(string nameOrId, object? value) => this[nameOrId] = value;
        public IReadOnlyDictionary<string, object?> WorkflowInput { get; } = new Dictionary<string, object?>();
        public string InstanceId => "instance";
        public string? CorrelationId { get; set; }
        public object? LastResult => null;
        public void SetOutput(string name, object? value) { }
        public string? GetBookmarkId(string activityId) => null;
    }
}
