using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Primitives;

/// <summary>The activity on the pure engine with a fake sender: ports, outputs and how failures fault the step.</summary>
public sealed class SendHttpRequestTests
{
    private readonly RecordingHttpSender _sender = new();
    private readonly FlowchartHarness _harness = new();

    private CompiledWorkflow Compile(params int[] expected)
    {
        var registry = ActivityRegistry.Create(ActivityRegistry.BuiltInTypes(), new TestPorts { Http = _sender });
        var call = new List<(string, System.Text.Json.Nodes.JsonNode?)>
        {
            ("url", Literal("String", "https://partner.example/tickets")),
            ("method", Literal("String", "post")),
            ("content", Obj("Object", "{\"title\":\"Printer\"}")),
            ("authorization", Literal("String", "Bearer t")),
        };
        if (expected.Length > 0) call.Add(("expectedStatusCodes", Obj("Int32[]", System.Text.Json.JsonSerializer.Serialize(expected))));
        return new WorkflowCompiler(registry).Compile(new FlowBuilder()
            .Variable("Route", "String")
            .Activity("call", "Elsa.SendHttpRequest", [.. call])
            .Activity("created", "Elsa.SetVariable", ("variable", VariableRef("Route")), ("value", Literal("Object", "created")))
            .Activity("other", "Elsa.SetVariable", ("variable", VariableRef("Route")), ("value", Literal("Object", "other")))
            .Connect("call", "created", "201").Connect("call", "other", "Unmatched status code")
            .Build());
    }

    [Fact]
    public async Task Expected_status_code_continues_through_its_own_port()
    {
        _sender.Response = new HttpCallResponse(201, "{\"id\":7}", "application/json", new Dictionary<string, string> { ["location"] = "/tickets/7" });

        var run = await _harness.StartAsync(Compile(201, 409));

        run.Variable("Route").Should().Be("created");
        var sent = _sender.Requests.Should().ContainSingle().Subject;
        (sent.Method, sent.Authorization, sent.ContentType).Should().Be(("POST", "Bearer t", "application/json"));
        sent.Content.Should().Contain("Printer");
    }

    [Fact]
    public async Task Status_code_not_expected_continues_through_unmatched()
    {
        _sender.Response = new HttpCallResponse(500, null, null, new Dictionary<string, string>());

        var run = await _harness.StartAsync(Compile(201));

        run.Variable("Route").Should().Be("other");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Failed_call_faults_the_step_retryable_only_when_the_sender_says_so(bool retryable)
    {
        _sender.Failure = new HttpCallException("Refused to call 'partner.example': …", retryable);

        var run = await _harness.StartAsync(Compile());

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Retryable.Should().Be(retryable);
        run.State.Fault.Message.Should().StartWith("Refused to call");
    }
}
