namespace Itsm.Activities.Model;

/// <summary>
/// The outcome ports an activity completes with. Activities whose ports come from their inputs
/// (fork branches, switch cases) declare <see cref="Dynamic"/> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params string[] outcomes) : Attribute
{
    public IReadOnlyList<string> Outcomes { get; } = outcomes;
    public bool Dynamic { get; init; }
}
