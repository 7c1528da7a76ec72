using Itsm.Activities.Engine;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Tests.Runtime;

/// <summary>Stored states carry their schema version; older ones are migrated on load.</summary>
public sealed class StateSchemaTests
{
    [Fact]
    public void New_state_is_written_with_the_current_schema_version_first()
    {
        var json = WorkflowStateSerializer.Serialize(new WorkflowState { InstanceId = "i1" });

        json.Should().StartWith($"{{\"schemaVersion\":{WorkflowState.CurrentSchemaVersion},");
        WorkflowStateSerializer.Deserialize(json).InstanceId.Should().Be("i1");
    }

    [Fact]
    public void State_stored_before_versioning_moves_a_task_bookmarks_role_title_and_due_time_into_its_task()
    {
        const string version1 = """
            {"instanceId":"i1","definitionId":"d","definitionVersionId":"d:v1","version":1,"status":"Suspended",
             "variables":{},"bookmarks":[{"id":"b1","activityId":"triage","kind":"Elsa.RunTask","createdAt":"2026-11-23T09:00:00+00:00",
             "role":"service desk agent","title":"Triage P2","dueAt":"2026-11-23T13:00:00+00:00"},
             {"id":"b2","activityId":"pause","kind":"Elsa.Delay","createdAt":"2026-11-23T09:00:00+00:00","resumeAt":"2026-11-23T10:00:00+00:00"}],
             "createdAt":"2026-11-23T09:00:00+00:00","updatedAt":"2026-11-23T09:00:00+00:00"}
            """;

        var state = WorkflowStateSerializer.Deserialize(version1);

        state.SchemaVersion.Should().Be(WorkflowState.CurrentSchemaVersion);
        var task = state.Bookmarks.Single(b => b.Id == "b1").Task!;
        task.Role.Should().Be("service desk agent");
        task.Title.Should().Be("Triage P2");
        task.DueAt.Should().Be(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));
        state.Bookmarks.Single(b => b.Id == "b2").Task.Should().BeNull("a timer is not a task");
        WorkflowStateSerializer.Serialize(state).Should().StartWith($"{{\"schemaVersion\":{WorkflowState.CurrentSchemaVersion},");
    }

    [Fact]
    public void State_from_a_newer_engine_is_refused_rather_than_misread()
    {
        var act = () => WorkflowStateSerializer.Deserialize("""{"schemaVersion":99,"instanceId":"i1"}""");

        act.Should().Throw<InvalidOperationException>().WithMessage("*schema version 99*");
    }
}
