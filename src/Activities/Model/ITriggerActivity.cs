namespace Itsm.Activities.Model;

/// <summary>
/// A trigger activity says what it listens on, so the host indexes any trigger kind without knowing its type:
/// a new kind (a schedule, a mailbox, a message queue) is an activity implementing this plus a deliverer that
/// looks the kind up in the trigger index and starts the workflow at the binding's activity. Only activities
/// declared with <see cref="ActivityKind.Trigger"/> may implement it.
/// </summary>
public interface ITriggerActivity
{
    /// <summary>
    /// The bindings of one node of a published definition; none when an input it needs is not a literal.
    /// Called at publish time and at start-up, never on the hot path.
    /// </summary>
    IEnumerable<TriggerBinding> GetTriggers(ITriggerNode node);
}
