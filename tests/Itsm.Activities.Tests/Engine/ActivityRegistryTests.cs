using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;
using Itsm.Activities.Primitives;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Engine;

public sealed class ActivityRegistryTests
{
    public interface IPagerPort;

    [Activity("Test", "PageOnCall")]
    public sealed class PageOnCall(IPagerPort pager, IHttpRequestSender sender) : Activity
    {
        public IPagerPort Pager { get; } = pager;
        public IHttpRequestSender Sender { get; } = sender;

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => new(ActivityResult.Done());
    }

    [Activity("Test", "Shadowing")]
    public sealed class Shadowing : Activity<Shadowing.Inputs>
    {
        public sealed class Inputs
        {
            [Input]
            public string? Type { get; set; }
        }

        protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken) => new(Done());
    }

    [Fact]
    public void Every_missing_port_is_reported_with_its_activity()
    {
        var create = () => ActivityRegistry.Create([typeof(PageOnCall), typeof(SendHttpRequest), typeof(Itsm.Activities.Flow.WriteLine)]);

        var error = create.Should().Throw<MissingActivityPortException>().Which;
        error.Missing.Select(m => (m.ActivityTypeName, m.Port)).Should().BeEquivalentTo(new[]
        {
            ("Test.PageOnCall", typeof(IPagerPort)),
            ("Test.PageOnCall", typeof(IHttpRequestSender)),
            ("Elsa.SendHttpRequest", typeof(IHttpRequestSender)),
        });
        error.Message.Should().Contain("Test.PageOnCall").And.Contain(nameof(IPagerPort));
    }

    [Fact]
    public void Ports_come_from_the_container_through_the_constructor()
    {
        var registry = ActivityRegistry.Create([typeof(SendHttpRequest)], TestPorts.Default);

        registry.TryGet("Elsa.SendHttpRequest", out _, out var activity).Should().BeTrue();
        activity.Should().BeOfType<SendHttpRequest>();
    }

    [Fact]
    public void Input_named_like_an_Elsa_activity_property_is_refused()
    {
        var create = () => ActivityRegistry.Create([typeof(Shadowing)]);

        create.Should().Throw<InvalidOperationException>().WithMessage("*'type'*");
    }

    [Fact]
    public void Builder_refuses_a_type_that_is_not_an_activity()
    {
        var add = () => new ActivityRegistrationBuilder().AddActivity(typeof(string));

        add.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Builtin_triggers_declare_their_bindings()
    {
        var workflow = FlowchartHarness.Compile(new FlowBuilder()
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "/Incidents/")), ("supportedMethods", Obj("String[]", "[\"post\"]")))
            .Activity("evt", "Elsa.Event", ("eventName", Literal("String", "change-approved")))
            .Activity("dyn", "Elsa.Event", ("eventName", Js("String", "'computed'")))
            .Build());

        var bindings = workflow.TriggerNodes.ToDictionary(node => node.Id, node => ((ITriggerActivity)node.Activity).GetTriggers(node).ToList());

        var http = bindings["hook"].Should().ContainSingle().Subject;
        (http.Kind, http.Key).Should().Be((BookmarkKinds.HttpEndpoint, "incidents"));
        http[HttpEndpoint.MethodsPayload].Should().BeEquivalentTo(new[] { "POST" });
        bindings["evt"].Should().ContainSingle().Which.Should().Be(new TriggerBinding(BookmarkKinds.Event, "change-approved"));
        bindings["dyn"].Should().BeEmpty("an expression cannot be indexed before an instance exists");
    }
}
