using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Primitives;

/// <summary>
/// Starts another published workflow as a child. By default it waits for the child to finish and
/// completes with the child's output; the runtime starts the child in the same commit as this step.
/// </summary>
[Activity("Elsa", "ExecuteWorkflow", Category = "Composition", DisplayName = "Execute Workflow", Kind = ActivityKind.Task,
    Description = "Starts another workflow and (by default) waits for its result.")]
[Output("result", typeof(ChildWorkflowResult), Description = "The child's instance id, status and output.")]
public sealed class ExecuteWorkflow : Activity<ExecuteWorkflow.Inputs>
{
    public sealed class Inputs
    {
        [Input(UIHint = UIHints.WorkflowDefinitionPicker, Description = "The definition id of the workflow to run.")]
        public string? WorkflowDefinitionId { get; set; }

        [Input(Description = "The correlation id of the child (default: this instance's).")]
        public string? CorrelationId { get; set; }

        [Input(Description = "The input to send to the child.")]
        public Dictionary<string, object?>? Input { get; set; }

        [Input(Description = "Wait for the child to finish before continuing.")]
        public bool WaitForCompletion { get; set; } = true;
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.WorkflowDefinitionId)) return new(Fail("No workflow definition id given.", retryable: false));
        var request = new ChildWorkflowRequest(input.WorkflowDefinitionId, input.CorrelationId ?? context.CorrelationId, input.Input, input.WaitForCompletion);
        return new(Suspend(new BookmarkRequest(BookmarkKinds.ExecuteWorkflow, input.WorkflowDefinitionId) { Payload = request }));
    }

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(context.ResumeInput is ChildWorkflowFailure failure
            ? Fail(failure.Reason, retryable: true)
            : Done(context.ResumeInput));
}
