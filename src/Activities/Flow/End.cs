using System.Diagnostics.CodeAnalysis;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>Ends the flowchart: reaching it finishes the instance and abandons any other pending branch.</summary>
[Activity("Elsa", "End", Category = "Flow", Description = "Marks the end of the flowchart; the workflow finishes here.")]
[SuppressMessage("Naming", "CA1716", Justification = "Elsa 3 names this activity End (Elsa.End); Itsm keeps Elsa's vocabulary, and VB consumers are not a target.")]
public sealed class End : Activity, ITerminalActivity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        => new(ActivityResult.DoneResult);
}
