using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Plugins;

public sealed class CustomTriggerKindTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string MailFlow(string id, string mailbox) => new FlowBuilder(id)
        .Variable("Mail", "Object")
        .Activity("mail", "Test.MailboxReceived", ("mailbox", Literal("String", mailbox)), ("mail", ThirdPartyActivityTests.Into("Mail")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "mail in")))
        .Chain("mail", "log")
        .Trigger("mail")
        .ToJson();

    [Fact]
    public async Task New_trigger_kind_is_indexed_on_publish_and_starts_its_workflow()
    {
        var host = PluginHost.With(_app, services: services => services.AddItsmActivities(a => a.AddActivity<MailboxReceived>())).Services;
        await host.PublishAsync(MailFlow("service-desk-mail", "Support@Acme.test"));
        var index = host.GetRequiredService<TriggerIndex>();

        var trigger = index.Find(MailboxReceived.Kind, "support@acme.test").Should().ContainSingle().Subject;
        trigger.DefinitionId.Should().Be("service-desk-mail");
        trigger.ActivityId.Should().Be("mail");
        trigger.Binding["folder"].Should().Be("INBOX");
        index.OfKind(MailboxReceived.Kind).Should().ContainSingle();
        index.FindHttp("support@acme.test").Should().BeEmpty("kinds do not mix");

        var state = await host.StartAsync(new StartRequest(trigger.DefinitionId)
        {
            TriggerActivityId = trigger.ActivityId,
            TriggerInput = new Dictionary<string, object?> { ["subject"] = "Printer on fire" },
        });

        state.Status.Should().Be(InstanceStatus.Finished, state.Fault?.Message);
        state.Variables["Mail"].Should().BeAssignableTo<IDictionary<string, object?>>()
            .Which["subject"].Should().Be("Printer on fire");
    }

    [Fact]
    public async Task Retracted_definition_leaves_the_index_of_its_kind()
    {
        var host = PluginHost.With(_app, services: services => services.AddItsmActivities(a => a.AddActivity<MailboxReceived>())).Services;
        await host.PublishAsync(MailFlow("retracted-mail", "ops@acme.test"));

        await host.GetRequiredService<Orchestrator.Definitions.IWorkflowDefinitionService>().RetractAsync("retracted-mail", default);

        host.GetRequiredService<TriggerIndex>().Find(MailboxReceived.Kind, "ops@acme.test").Should().BeEmpty();
    }

    [Fact]
    public void Activity_implementing_ITriggerActivity_must_be_declared_a_trigger()
    {
        var create = () => ActivityRegistry.Create([typeof(NotDeclaredTrigger)]);

        create.Should().Throw<InvalidOperationException>().WithMessage("*ActivityKind.Trigger*");
    }

    [Activity("Test", "NotDeclaredTrigger")]
    private sealed class NotDeclaredTrigger : Activity, ITriggerActivity
    {
        public IEnumerable<TriggerBinding> GetTriggers(ITriggerNode node) => [];

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => new(ActivityResult.Done());
    }
}
