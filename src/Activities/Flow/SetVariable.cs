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
        context.SetVariable(input.Variable.Key, input.Value);
        return new(ActivityResult.DoneResult);
    }
}
