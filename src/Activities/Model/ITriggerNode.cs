namespace Itsm.Activities.Model;

/// <summary>
/// A trigger activity as placed in a published definition, seen at publish time: its id and the inputs the
/// definition gives as literals (expressions cannot be evaluated before an instance exists).
/// </summary>
public interface ITriggerNode
{
    string Id { get; }

    /// <summary>True when the definition sets the input (by its JSON name) to a literal.</summary>
    bool TryGetConstantInput(string name, out object? value);
}
