using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>Where a flowchart begins when it is started without a trigger.</summary>
[Activity("Elsa", "Start", Category = "Flow", Description = "The entry point of the flowchart.")]
public sealed class Start : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        => new(ActivityResult.DoneResult);
}
