namespace Itsm.Activities.Model;

/// <summary>An input expression failed (script error, unconvertible value): faults the activity, naming the input.</summary>
public sealed class InputEvaluationException(string inputName, string message, Exception? inner = null)
    : Exception($"Input '{inputName}': {message}", inner)
{
    public string InputName { get; } = inputName;
}
