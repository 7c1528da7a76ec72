namespace Itsm.Activities.Expressions.FastPath;

/// <summary>
/// A script of the fast subset, compiled once per script text: its <c>var</c>/<c>let</c>/<c>const</c> declarations
/// in order, then the value it returns. Immutable; every evaluation gets a fresh <see cref="FastFrame"/>.
/// </summary>
internal sealed class FastScript(int localCount, (int Local, FastNode Value)[] declarations, FastNode result)
{
    /// <summary>
    /// Evaluates without a JavaScript engine. False when the script met a value or operation this evaluator does
    /// not model; it has then read the instance but changed nothing, so the caller runs it on Jint from scratch.
    /// </summary>
    public bool TryEvaluate(IScriptScope scope, string[] variableNames, int maxDepth, out object? value)
    {
        var frame = new FastFrame(scope, variableNames, maxDepth, localCount);
        foreach (var (local, init) in declarations)
        {
            var initial = init.Evaluate(frame);
            if (ReferenceEquals(initial, FastValue.Bail)) return Fail(out value);
            frame.Locals[local] = initial;
        }
        var outcome = result.Evaluate(frame);
        if (ReferenceEquals(outcome, FastValue.Bail)) return Fail(out value);
        value = FastData.ToResult(outcome, 1, maxDepth);
        return !ReferenceEquals(value, FastValue.Bail) || Fail(out value);
    }

    private static bool Fail(out object? value)
    {
        value = null;
        return false;
    }
}
