using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Adds an idea to the continual improvement register (an <c>IMP…</c> record, status <c>proposed</c>), with where it came
/// from — a survey, a person, or a stream's own review — and a link to the record that prompted it.
/// </summary>
[Activity("Itsm", "RegisterImprovement", DisplayName = "Register improvement",
    Description = "Adds an improvement idea to the continual improvement register, linked to what prompted it.")]
[Output("recordId", typeof(string), Description = "The improvement's record id.")]
[Output("number", typeof(string), Description = "The improvement's number, e.g. IMP0000003.")]
[ItilTags(ValueChain = ["improve"], Practices = ["continual-improvement"], Roles = ["continual improvement manager"])]
public sealed class RegisterImprovement(IRecordReader reader, IRecordNumbers numbers) : Activity<RegisterImprovement.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The improvement in one line.")]
        public string? Title { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "What should get better, and why.")]
        public string? Description { get; set; }

        [Input(UIHint = UIHints.DropDown, Description = "Where the idea came from.")]
        public ImprovementSource Source { get; set; } = ImprovementSource.Stream;

        [Input(UIHint = UIHints.DropDown, Description = "How much it matters.")]
        public Priority Priority { get; set; } = Priority.P3;

        [Input(UIHint = UIHints.DropDown, OptionsFrom = InputChoices.RecordTypesOrNone, Description = "The type of the record that prompted it (e.g. survey, incident), if any.")]
        public string? SourceRecordType { get; set; }

        [Input(Description = "The id of the record that prompted it, if any.")]
        public string? SourceRecordId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) return Fail("An improvement needs a title.", retryable: false);
        var id = ItilRecords.IdFor(context);
        var improvement = await ItilRecords.FindOrNewAsync(context, reader, numbers, RecordTypes.Improvement, id, cancellationToken);
        improvement[RecordFields.Title] = input.Title.Trim();
        improvement["description"] = input.Description;
        improvement[RecordFields.Status] = "proposed";
        improvement[RecordFields.Priority] = input.Priority.ToString();
        improvement["source"] = ItilRecords.Kebab(input.Source);
        if (!string.IsNullOrWhiteSpace(input.SourceRecordType))
            ItilRecords.Link(improvement, input.SourceRecordType.Trim(), input.SourceRecordId, "prompted-by");
        ItilRecords.Write(context, RecordTypes.Improvement, id, improvement);
        return Done(new Dictionary<string, object?> { ["recordId"] = id, ["number"] = improvement[RecordFields.Number] });
    }
}
