using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>Sets the instance's correlation id, so events and callbacks can find it by a business key.</summary>
[Activity("Elsa", "Correlate", Category = "Primitives", Description = "Sets the correlation id of the workflow instance.")]
public sealed class Correlate : Activity<Correlate.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The correlation id to set.")]
        public string? CorrelationId { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        context.CorrelationId = input.CorrelationId;
        return new(ActivityResult.DoneResult);
    }
}
