using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// A step of one value-chain activity that needs no record of its own: automated (it completes at once through
/// <c>Done</c>), or, when the node names a <see cref="Inputs.Role"/>, a human task for that role whose completer picks
/// one of the outcomes the node declares (e.g. <c>Approved</c> / <c>Rejected</c>). The six concrete types differ only in
/// their name and default tags, so a stream reads as the chain it walks.
/// </summary>
public abstract class ValueChainStep : Activity<ValueChainStep.Inputs>
{
    public sealed class Inputs
    {
        [Input(UIHint = UIHints.DropDown, OptionsFrom = InputChoices.RolesOrNone,
            Description = "The role that performs the step as a task in its inbox; (none) for an automated step that completes at once.")]
        public string? Role { get; set; }

        [Input(Description = "What the performer sees as the task's title.")]
        public string? Title { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "What the performer is asked to do.")]
        public string? Instructions { get; set; }

        [Input(UIHint = UIHints.DynamicOutcomes, Description = "The outcomes the performer chooses from, each an outgoing port (e.g. Approved, Rejected). Empty: Done.")]
        public List<string> Outcomes { get; set; } = [];

        [Input(Description = "How long the performer has; the task's due time is the step's start plus this.")]
        public TimeSpan? DueIn { get; set; }

        [Input(UIHint = UIHints.DropDown, Description = "Priority shown in the inbox.")]
        public Priority? Priority { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Role)) return new(Done(new Dictionary<string, object?> { ["outcome"] = Model.Outcomes.Done }));
        var title = string.IsNullOrWhiteSpace(input.Title) ? context.ActivityName ?? context.ActivityId : input.Title;
        return new(HumanTasks.Assign(context, input.Role.Trim(), title, Offered(input), input.Priority is { } p ? HumanTasks.Of(p) : null,
            input.DueIn, input.Instructions is null ? null : new Dictionary<string, object?> { ["instructions"] = input.Instructions }));
    }

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (!HumanTasks.TryPickOutcome(context.ResumeInput, Offered(input), out var outcome, out var error))
            return new(Fail(error));
        return new(Outcome(outcome, new Dictionary<string, object?>
        {
            ["outcome"] = outcome,
            ["comment"] = HumanTasks.Comment(context.ResumeInput),
            ["result"] = context.ResumeInput,
        }));
    }

    private static List<string> Offered(Inputs input)
    {
        var declared = input.Outcomes.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return declared.Count > 0 ? declared : [Model.Outcomes.Done];
    }
}
