using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Primitives;

/// <summary>
/// Hands a task to someone or something outside the engine and waits until it is completed through
/// <c>POST /elsa/api/tasks/{taskId}/complete</c>. Itsm adds a role, title, due time and priority (a
/// <see cref="HumanTask"/>), which put the task into that role's inbox.
/// </summary>
[Activity("Elsa", "RunTask", Category = "Primitives", DisplayName = "Run Task", Kind = ActivityKind.Task, Description = "Requests a task to be run and waits for its completion.")]
[Output("result", typeof(object), Description = "What the task's completion sent.")]
public sealed class RunTask : Activity<RunTask.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The name of the task being requested.")]
        public string? TaskName { get; set; }

        [Input(Description = "Any additional parameters to send to the task.")]
        public Dictionary<string, object?>? Payload { get; set; }

        [Input(UIHint = UIHints.DropDown, OptionsFrom = Itil.InputChoices.RolesOrNone, Description = "The role whose inbox the task goes to (e.g. service desk agent).")]
        public string? Role { get; set; }

        [Input(Description = "What the assignee sees as the task's title.")]
        public string? Title { get; set; }

        [Input(Description = "How long the assignee has (the task's due time is start + this).")]
        public TimeSpan? DueIn { get; set; }

        [Input(Description = "ITIL priority, 1 (critical) to 5 (planning), shown in the inbox.")]
        public int? Priority { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.TaskName)) return new(Fail("No task name given.", retryable: false));
        return new(Suspend(new BookmarkRequest(BookmarkKinds.RunTask, input.TaskName)
        {
            Payload = new Dictionary<string, object?> { ["taskName"] = input.TaskName, ["payload"] = input.Payload },
            Task = new HumanTask
            {
                Role = input.Role,
                Title = input.Title ?? input.TaskName,
                DueAt = input.DueIn is { } dueIn ? context.Now + dueIn : null,
                Priority = input.Priority,
            },
        }));
    }
}
