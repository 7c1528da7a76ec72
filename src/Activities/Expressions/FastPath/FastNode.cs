namespace Itsm.Activities.Expressions.FastPath;

/// <summary>
/// One node of a script compiled for the fast evaluator. Nodes are immutable and shared by every evaluation of the
/// same script text, in every instance: all per-evaluation state lives in the <see cref="FastFrame"/>.
/// A node returns <see cref="FastValue.Bail"/> when JavaScript's answer is outside what it models.
/// </summary>
internal abstract class FastNode
{
    public abstract object? Evaluate(FastFrame frame);

    protected static bool Bailed(object? value) => ReferenceEquals(value, FastValue.Bail);
}
