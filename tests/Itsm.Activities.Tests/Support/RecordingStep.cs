using Itsm.Activities.Model;

namespace Itsm.Activities.Tests.Support;

/// <summary>
/// A test record type's writer: upserts a <c>test-record</c> with the step's try number, then fails while the
/// workflow's <c>Tries</c> variable is below <see cref="Inputs.SucceedOnTry"/> — a step that wrote and then failed.
/// </summary>
[Activity("Test", "RecordingStep", Category = "Test", Description = "Writes a test record; fails until a given try.")]
public sealed class RecordingStep : Activity<RecordingStep.Inputs>
{
    public const string RecordType = "test-record";

    public sealed class Inputs
    {
        [Input(Description = "The record's id.")]
        public string RecordId { get; set; } = "r-1";

        [Input(Description = "The try (counted in the Tries variable) that succeeds.")]
        public int SucceedOnTry { get; set; } = 1;
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var tries = Convert.ToInt32(context.GetVariable("Tries") ?? 0, System.Globalization.CultureInfo.InvariantCulture) + 1;
        context.SetVariable("Tries", tries);
        context.WriteRecord(new RecordChange(RecordType, input.RecordId, RecordOperation.Upsert,
            new Dictionary<string, object?> { ["writtenOnTry"] = tries, ["status"] = "logged" }));
        return new(tries < input.SucceedOnTry ? Fail($"try {tries} fails") : Done(tries));
    }
}
