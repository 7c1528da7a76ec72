using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Runtime;

public sealed class ChildRecoveryTests
{
    [Fact]
    public async Task Restart_resumes_a_parent_whose_child_finished_just_before_a_crash()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("slow-child").Activity("wait", "Elsa.Event", ("eventName", Literal("String", "child-done"))).ToJson());
        await app.PublishAsync(new FlowBuilder("waiting-parent")
            .Variable("Child", "Object")
            .Activity("run", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Literal("String", "slow-child")),
                ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Child-id" } }))
            .ToJson());
        var parent = await app.Runtime.StartAsync(new StartRequest("waiting-parent"), default);
        var child = (await app.Queries.ListInstancesAsync(new InstanceQuery { DefinitionId = "slow-child" }, default)).Items.Single();

        // Finish the child and commit it the way the runtime does, but "crash" before the parent is resumed.
        var workflow = (await app.Definitions.GetCompiledAsync(child.DefinitionVersionId, default))!;
        var record = (await app.Store.FindInstanceAsync(child.Id, default))!;
        var state = WorkflowStateSerializer.Deserialize(record.StateJson, workflow);
        var unit = new UnitOfWork();
        var pending = unit.Add(state, record.Revision, workflow);
        pending.Bursts.Add(await app.Services.GetRequiredService<WorkflowExecutor>().ResumeAsync(workflow, state, state.Bookmarks.Single().Id, null, default));
        await app.Store.CommitAsync([pending.ToWrite(app.Services.GetRequiredService<Itsm.Orchestrator.Records.Notifications.NotificationRouting>())], default);
        (await app.InstanceAsync(parent.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended);

        await using var restarted = new ItsmAppFactory(app.DataPath);
        _ = restarted.Services;

        (await Eventually.HoldsAsync(async () => (await restarted.InstanceAsync(parent.InstanceId!)).Record.Status == InstanceStatus.Finished))
            .Should().BeTrue("the child's commit left the parent's resume in the outbox, which the restarted host carries out");
        var resumed = await restarted.InstanceAsync(parent.InstanceId!);
        ((IDictionary<string, object?>)resumed.Variable("Child")!)["workflowInstanceId"].Should().Be(child.Id);
    }
}
