using Itsm.Activities.Expressions;

namespace Itsm.Activities.Engine;

/// <summary>
/// Enforces the size caps of one burst's variable writes: a variable's serialized value, and the instance's whole
/// state (variables, input, output). Small values skip the accounting until a large one arrives, so a step that
/// sets a number or a short string pays one type test; the first large value measures the state once per burst.
/// </summary>
internal sealed class StateBudget(WorkflowState state, EngineOptions options)
{
    /// <summary>Values below this size are not tracked until a larger one makes the total worth knowing.</summary>
    private const long SmallValueBytes = 1024;

    public const string VariablePrefix = "variable";
    public const string OutputPrefix = "output";

    /// <summary>Sizes by "variable:Name" / "output:Name", once a large value made the total worth tracking.</summary>
    private Dictionary<string, long>? _sizes;
    private long _total;

    /// <summary>Throws <see cref="WorkflowValueException"/> naming the variable when storing the value would break a cap.</summary>
    /// <param name="kind"><see cref="VariablePrefix"/> or <see cref="OutputPrefix"/>: what the message calls the value.</param>
    public void Admit(string name, object? value, string kind)
    {
        var size = ValueSize.Of(value, options.MaxVariableBytes);
        if (size > options.MaxVariableBytes)
            throw new WorkflowValueException($"{kind} '{name}' exceeds {Describe(options.MaxVariableBytes)} (the limit of one value)");
        if (_sizes is null)
        {
            if (size < SmallValueBytes) return;
            Measure();
        }
        var key = kind + ":" + name;
        var total = _total - _sizes!.GetValueOrDefault(key) + size;
        if (total > options.MaxStateBytes)
            throw new WorkflowValueException($"{kind} '{name}' would make the instance state exceed {Describe(options.MaxStateBytes)} (the limit of all variables, input and output together)");
        _sizes![key] = size;
        _total = total;
    }

    private void Measure()
    {
        _sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        _total = 0;
        foreach (var (name, value) in state.Variables)
        {
            var size = ValueSize.Of(value, options.MaxStateBytes);
            _sizes[VariablePrefix + ":" + name] = size;
            _total += size;
        }
        foreach (var (name, value) in state.Output ?? [])
        {
            var size = ValueSize.Of(value, options.MaxStateBytes);
            _sizes[OutputPrefix + ":" + name] = size;
            _total += size;
        }
        if (state.Input is not null) _total += ValueSize.Of(state.Input, options.MaxStateBytes);
    }

    private static string Describe(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes % 1024 == 0 ? $"{bytes / 1024} KB"
        : $"{bytes} bytes";
}
