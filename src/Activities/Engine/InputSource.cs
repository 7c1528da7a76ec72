using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>Where an input's value comes from, resolved when the definition is compiled.</summary>
internal abstract class InputSource
{
    public abstract object? Evaluate(ActivityContext context);
}

/// <summary>A literal or Object expression, converted to the input's type once at compile time.</summary>
internal sealed class ConstantSource(object? value) : InputSource
{
    public object? Value { get; } = value;
    public override object? Evaluate(ActivityContext context) => Value;
}

/// <summary>A Variable expression: reads the variable when the activity runs.</summary>
internal sealed class VariableSource(CompiledVariable variable, Type target) : InputSource
{
    public override object? Evaluate(ActivityContext context) => ValueConverter.Convert(context.GetVariable(variable.Name), target);
}

/// <summary>A JavaScript expression, parsed at compile time and run on the burst's script engine.</summary>
internal sealed class ScriptSource(PreparedScript script, Type target) : InputSource
{
    public override object? Evaluate(ActivityContext context) => ValueConverter.Convert(context.Scripts.Evaluate(script), target);
}
