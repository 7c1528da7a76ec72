using System.Text.Json;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Records;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>Writes one record of any type with the given JSON data: a stand-in for the ITIL activities in store tests.</summary>
[Activity("Test", "WriteItilRecord", Category = "Test", Description = "Writes a record with the given data.")]
public sealed class WriteItilRecordStep : Activity<WriteItilRecordStep.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "Record type.")]
        public string RecordType { get; set; } = "";

        [Input(Description = "Record id.")]
        public string RecordId { get; set; } = "";

        [Input(Description = "The record's data as JSON.")]
        public string DataJson { get; set; } = "{}";
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(input.DataJson);
        context.WriteRecord(new RecordChange(input.RecordType, input.RecordId, RecordOperation.Upsert, PlainJson.ToPlain(document.RootElement)));
        return new(Done());
    }
}

/// <summary>Waits for a survey answer on the token, as the survey activity does; records the answer it was resumed with.</summary>
[Activity("Test", "AwaitSurvey", Category = "Test", Description = "Waits for a survey answer.")]
public sealed class AwaitSurveyStep : Activity<AwaitSurveyStep.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The survey token.")]
        public string Token { get; set; } = "";
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(Suspend(new BookmarkRequest(SurveyAnswers.BookmarkKind, input.Token)));

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var answer = (IReadOnlyDictionary<string, object?>)context.ResumeInput!;
        context.WriteRecord(new RecordChange(Itsm.Activities.Itil.RecordTypes.Survey, "srv-answered", RecordOperation.Upsert, new Dictionary<string, object?>
        {
            ["status"] = "answered", ["score"] = answer[SurveyAnswers.Score], ["comment"] = answer[SurveyAnswers.Comment],
        }));
        return new(Done(context.ResumeInput));
    }
}
