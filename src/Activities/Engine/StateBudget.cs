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

    private Dictionary<string, long>? _sizes;
    private long _total;

    /// <summary>Throws <see cref="WorkflowValueException"/> naming the variable when storing the value would break a cap.</summary>
    public void Admit(string name, object? value)
    {
        var size = ValueSize.Of(value, options.MaxVariableBytes);
        if (size > options.MaxVariableBytes)
            throw new WorkflowValueException($"variable '{name}' exceeds {Describe(options.MaxVariableBytes)} (the limit of one variable's value)");
        if (_sizes is null)
        {
            if (size < SmallValueBytes) return;
            Measure();
        }
        var total = _total - _sizes!.GetValueOrDefault(name) + size;
        if (total > options.MaxStateBytes)
            throw new WorkflowValueException($"variable '{name}' would make the instance state exceed {Describe(options.MaxStateBytes)} (the limit of all variables, input and output together)");
        _sizes![name] = size;
        _total = total;
    }

    private void Measure()
    {
        _sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        _total = 0;
        foreach (var (name, value) in state.Variables)
        {
            var size = ValueSize.Of(value, options.MaxStateBytes);
            _sizes[name] = size;
            _total += size;
        }
        if (state.Input is not null) _total += ValueSize.Of(state.Input, options.MaxStateBytes);
        if (state.Output is not null) _total += ValueSize.Of(state.Output, options.MaxStateBytes);
    }

    private static string Describe(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes % 1024 == 0 ? $"{bytes / 1024} KB"
        : $"{bytes} bytes";
}
