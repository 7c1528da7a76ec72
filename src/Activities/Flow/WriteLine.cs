using Itsm.Activities.Model;
using Microsoft.Extensions.Logging;

namespace Itsm.Activities.Flow;

/// <summary>Writes a line of text to the log (and to the instance's journal).</summary>
[Activity("Elsa", "WriteLine", Category = "Console", DisplayName = "Write Line", Description = "Writes a line of text to the log.")]
public sealed partial class WriteLine : Activity<WriteLine.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The text to write.")]
        public string? Text { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        LogLine(context.Logger, context.InstanceId, input.Text);
        return new(Done(input.Text));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WriteLine in {InstanceId}: {Text}")]
    private static partial void LogLine(ILogger logger, string instanceId, string? text);
}
