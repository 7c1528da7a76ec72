using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Tests.Plugins;

/// <summary>
/// A trigger kind the host has never heard of: "a mail arrived in this mailbox". Declares its binding through
/// <see cref="ITriggerActivity"/>; a (hypothetical) mail poller would look the kind up in the trigger index.
/// </summary>
[Activity("Test", "MailboxReceived", Kind = ActivityKind.Trigger, Description = "Starts the workflow when a mail arrives.")]
[Output("mail", typeof(object), Description = "The mail.")]
public sealed class MailboxReceived : Activity<MailboxReceived.Inputs>, ITriggerActivity
{
    public const string Kind = "Test.Mailbox";

    public sealed class Inputs
    {
        [Input(Description = "The mailbox address.")]
        public string? Mailbox { get; set; }
    }

    public IEnumerable<TriggerBinding> GetTriggers(ITriggerNode node)
    {
        if (node.TryGetConstantInput("mailbox", out var value) && value is string mailbox)
            yield return new TriggerBinding(Kind, mailbox.ToLowerInvariant(), new Dictionary<string, object?> { ["folder"] = "INBOX" });
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(context.IsTriggerOfThisStart ? Done(context.ResumeInput) : Fail("Mailbox triggers only start workflows.", retryable: false));
}
