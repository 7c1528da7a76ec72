using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Flow;

/// <summary>Assigns a value to a workflow variable, converted to the variable's declared type.</summary>
[Activity("Elsa", "SetVariable", Category = "Primitives", DisplayName = "Set Variable", Description = "Assigns a value to a workflow variable.")]
public sealed class SetVariable : Activity<SetVariable.Inputs>
{
    public sealed class Inputs
    {
        [Input(IsRaw = true, UIHint = UIHints.VariablePicker, Description = "The variable to assign.")]
        public VariableReference? Variable { get; set; }

        [Input(TypeName = "Object", Description = "The value to assign.")]
        public object? Value { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (input.Variable is null || input.Variable.Key.Length == 0)
            return new(Fail("No variable selected.", retryable: false));
        // A reference carries both id and name; an id from another version of the definition still finds the variable by name.
        var key = input.Variable.Name is { Length: > 0 } name && !context.Workflow.VariablesByKey.ContainsKey(input.Variable.Key) ? name : input.Variable.Key;
        context.SetVariable(key, input.Value);
        return new(ActivityResult.DoneResult);
    }
}
