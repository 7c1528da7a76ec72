using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>
/// Merges branches. WaitAny continues on the first arrival and abandons the other branches (so a timeout
/// branch and a reply branch can race); WaitAll waits for every inbound connection; WaitAllActive waits
/// for every branch that is still active.
/// </summary>
[Activity("Elsa", "FlowJoin", Category = "Branching", DisplayName = "Join", Description = "Merges branches: on the first arrival (WaitAny) or once all have arrived (WaitAll).")]
public sealed class FlowJoin : Activity<FlowJoin.Inputs>, IJoinActivity
{
    public sealed class Inputs
    {
        [Input(TypeName = "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core",
            UIHint = UIHints.DropDown, DefaultValue = "WaitAny",
            Description = "WaitAny continues as soon as one branch arrives; WaitAll once all inbound branches have.")]
        public JoinMode Mode { get; set; } = JoinMode.WaitAny;
    }

    public JoinMode GetMode(ActivityContext context) => context.BindInputs<Inputs>().Mode;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(ActivityResult.DoneResult);
}
