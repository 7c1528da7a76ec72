using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>Faults the instance on purpose with a message (the fault can be retried or the instance cancelled).</summary>
[Activity("Elsa", "Fault", Category = "Primitives", Description = "Faults the workflow with a message.")]
public sealed class Fault : Activity<Fault.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "What went wrong.")]
        public string? Message { get; set; }

        [Input(Description = "A code for the fault.")]
        public string? Code { get; set; }

        [Input(Description = "A category for the fault.")]
        public string? Category { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var message = input.Message ?? "The workflow faulted.";
        if (input.Code is not null) message = $"[{input.Code}] {message}";
        return new(Fail(message));
    }
}
