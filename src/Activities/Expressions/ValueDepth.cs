using System.Runtime.CompilerServices;

namespace Itsm.Activities.Expressions;

/// <summary>
/// The one depth bound of every conversion between script values, JSON and CLR values. Each recursive
/// converter counts its levels explicitly and also asks the runtime for stack headroom, so a value nested
/// 20,000 deep is a fault naming the limit, never a stack overflow (which .NET cannot catch: the process dies).
/// </summary>
public static class ValueDepth
{
    /// <summary>Matches System.Text.Json's default, so whatever passes here also serializes.</summary>
    public const int DefaultMax = 64;

    /// <summary>Call on entering a container at <paramref name="depth"/> (the top-level value is depth 1).</summary>
    public static void Enter(int depth, int max = DefaultMax)
    {
        if (depth > max || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw TooDeep(max);
    }

    /// <summary>
    /// Walks plain data (dictionaries, lists, arrays) before it is serialized or handed to a script, so a deep
    /// value is refused by our counter with our message rather than somewhere inside a serializer.
    /// </summary>
    public static void Check(object? value, int max = DefaultMax) => Check(value, 1, max);

    private static void Check(object? value, int depth, int max)
    {
        switch (value)
        {
            case null or string: return;
            case IDictionary<string, object?> map:
                Enter(depth, max);
                foreach (var item in map.Values) Check(item, depth + 1, max);
                return;
            case System.Collections.IEnumerable items when value is not Array { Rank: > 1 } && !IsPrimitiveArray(value):
                Enter(depth, max);
                foreach (var item in items) Check(item, depth + 1, max);
                return;
        }
    }

    private static bool IsPrimitiveArray(object value) => value.GetType().GetElementType() is { IsPrimitive: true };

    public static WorkflowValueException TooDeep(int max = DefaultMax) => new($"value nested deeper than {max} levels");
}
