using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>Splits the flow into named branches that run side by side (each branch name is a port).</summary>
[Activity("Elsa", "FlowFork", Category = "Branching", DisplayName = "Fork", Description = "Continues through every branch at once.")]
[Outcomes(Outcomes.Done, Dynamic = true)]
public sealed class FlowFork : Activity<FlowFork.Inputs>
{
    public sealed class Inputs
    {
        [Input(TypeName = "String[]", UIHint = UIHints.DynamicOutcomes, Description = "The names of the branches; each becomes a port.")]
        public string[] Branches { get; set; } = [];
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(input.Branches.Length == 0 ? ActivityResult.DoneResult : ActivityResult.OutcomesOf(input.Branches));
}
