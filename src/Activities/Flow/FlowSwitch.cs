using System.Diagnostics.CodeAnalysis;
using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>
/// Evaluates labelled conditions and continues through the port of the first that holds (MatchFirst) or
/// of every one that holds (MatchAny); through Default when none does.
/// </summary>
[Activity("Elsa", "FlowSwitch", Category = "Branching", DisplayName = "Switch", Description = "Continues through the port of the matching case, or Default.")]
[Outcomes(Outcomes.Default, Dynamic = true)]
public sealed class FlowSwitch : Activity<FlowSwitch.Inputs>
{
    public sealed class Inputs
    {
        [Input(IsRaw = true, UIHint = UIHints.FlowSwitchEditor, Description = "The cases: a label (the port) and a condition.")]
        public List<Case> Cases { get; set; } = [];

        [Input(Description = "MatchFirst continues through the first matching case; MatchAny through all of them.")]
        public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;
    }

    [SuppressMessage("Naming", "CA1716", Justification = "A switch case in Elsa's FlowSwitch vocabulary; always qualified as FlowSwitch.Case, and VB consumers are not a target.")]
    public sealed record Case
    {
        public string Label { get; init; } = "";
        public ExpressionModel? Condition { get; init; }
    }

    public enum SwitchMode
    {
        MatchFirst,
        MatchAny,
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var matched = new List<string>();
        foreach (var switchCase in input.Cases)
        {
            if (switchCase.Condition is null || context.Evaluate<bool?>(switchCase.Condition) != true) continue;
            matched.Add(switchCase.Label);
            if (input.Mode == SwitchMode.MatchFirst) break;
        }
        return new(ActivityResult.OutcomesOf(matched.Count > 0 ? matched : [Outcomes.Default]));
    }
}
