namespace Itsm.Activities.Model;

/// <summary>
/// A step a workflow can run. Activities are stateless and shared across executions: everything an
/// execution knows comes through the <see cref="ActivityContext"/>, and the step's effect is the returned
/// <see cref="ActivityResult"/>. Activities with inputs derive from <see cref="Activity{TInputs}"/>.
/// </summary>
public abstract class Activity
{
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Continues after the bookmark this activity created was resumed; <see cref="ActivityContext.ResumeInput"/>
    /// holds what the resumer sent. By default the activity completes with that input as its output.
    /// </summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, CancellationToken cancellationToken)
        => new(ActivityResult.Done(context.ResumeInput));

    protected static Completed Done(object? output = null) => ActivityResult.Done(output);

    protected static Completed Outcome(string outcome, object? output = null) => ActivityResult.Outcome(outcome, output);

    protected static Suspended Suspend(BookmarkRequest bookmark) => ActivityResult.Suspend(bookmark);

    protected static Failed Fail(string message, bool retryable = true) => ActivityResult.Fail(message, retryable);
}
