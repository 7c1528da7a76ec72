using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>Routes the flow through True or False depending on a condition.</summary>
[Activity("Elsa", "FlowDecision", Category = "Branching", DisplayName = "Decision", Description = "Continues through True or False depending on the condition.")]
[Outcomes(Outcomes.True, Outcomes.False)]
public sealed class FlowDecision : Activity<FlowDecision.Inputs>
{
    private static readonly Completed WhenTrue = ActivityResult.Outcome(Outcomes.True);
    private static readonly Completed WhenFalse = ActivityResult.Outcome(Outcomes.False);

    public sealed class Inputs
    {
        [Input(UIHint = UIHints.SingleLine, DefaultSyntax = ExpressionTypes.JavaScript, Description = "The condition to evaluate, e.g. variables.Score >= 3.")]
        public bool Condition { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(input.Condition ? WhenTrue : WhenFalse);
}
