using Itsm.Activities.Model;

namespace Itsm.Activities.Primitives;

/// <summary>
/// Waits for a span of time. The wait is a bookmark with a due time kept in the store, so it survives
/// restarts; a timer job resumes it (never a thread sleeping in the activity).
/// </summary>
[Activity("Elsa", "Delay", Category = "Scheduling", Description = "Waits for the given amount of time.")]
public sealed class Delay : Activity<Delay.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "How long to wait (e.g. 00:05:00 or PT5M).")]
        public TimeSpan TimeSpan { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(input.TimeSpan <= TimeSpan.Zero
            ? ActivityResult.DoneResult
            : Suspend(new BookmarkRequest(BookmarkKinds.Delay) { ResumeAt = context.Now + input.TimeSpan }));

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(ActivityResult.DoneResult);
}
