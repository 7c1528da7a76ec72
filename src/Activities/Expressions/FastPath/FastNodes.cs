namespace Itsm.Activities.Expressions.FastPath;

// The node kinds of the fast evaluator's subset of JavaScript, one small class each; see FastScriptCompiler.

internal sealed class ConstantNode(object? value) : FastNode
{
    public override object? Evaluate(FastFrame frame) => value;
}

internal sealed class LocalNode(int index) : FastNode
{
    public override object? Evaluate(FastFrame frame) => frame.Locals[index];
}

/// <summary><c>variables.Name</c>: the declared variable's value; undefined for a name the workflow does not declare.</summary>
internal sealed class VariableNode(string name) : FastNode
{
    public override object? Evaluate(FastFrame frame)
        => frame.IsDeclared(name) ? FastData.FromWorkflow(frame.Scope.GetVariable(name), frame.MaxDepth) : FastData.Missing(name);
}

/// <summary><c>input</c>: the workflow's input as an object.</summary>
internal sealed class InputNode : FastNode
{
    public override object? Evaluate(FastFrame frame) => FastData.FromWorkflow(frame.Scope.WorkflowInput, frame.MaxDepth);
}

/// <summary>The accessors scripts call: <c>getVariable(name)</c>, <c>getInput(name)</c>, <c>String(v)</c> and the no-argument getters.</summary>
internal sealed class CallNode(FastFunction function, FastNode? argument) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var value = argument?.Evaluate(frame);
        if (Bailed(value)) return value;
        switch (function)
        {
            case FastFunction.GetVariable:
                // Jint marshals the argument to a .NET string; anything but a string is left to its rules.
                return value is string name ? FastData.FromWorkflow(frame.Scope.GetVariable(name), frame.MaxDepth) : FastValue.Bail;
            case FastFunction.GetInput:
                return value is string key ? FastData.FromWorkflow(frame.Scope.WorkflowInput.GetValueOrDefault(key), frame.MaxDepth) : FastValue.Bail;
            case FastFunction.String:
                return argument is null ? "" : (object?)JsSemantics.ToJsString(value) ?? FastValue.Bail;
            case FastFunction.GetWorkflowInstanceId:
                return frame.Scope.InstanceId;
            case FastFunction.GetCorrelationId:
                return frame.Scope.CorrelationId;
            case FastFunction.GetLastResult:
                return FastData.FromWorkflow(frame.Scope.LastResult, frame.MaxDepth);
            default:
                return FastValue.Bail;
        }
    }
}

internal sealed class MemberNode(FastNode target, string key) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var value = target.Evaluate(frame);
        return Bailed(value) ? value : FastData.Member(value, key);
    }
}

internal sealed class ComputedMemberNode(FastNode target, FastNode key) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var value = target.Evaluate(frame);
        if (Bailed(value)) return value;
        var index = key.Evaluate(frame);
        if (Bailed(index)) return index;
        return FastData.PropertyKey(index) is { } name ? FastData.Member(value, name) : FastValue.Bail;
    }
}

internal enum LogicalOperator { And, Or, Nullish }

internal sealed class LogicalNode(LogicalOperator op, FastNode left, FastNode right) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var value = left.Evaluate(frame);
        if (Bailed(value)) return value;
        var takeLeft = op switch
        {
            LogicalOperator.And => !JsSemantics.IsTruthy(value),
            LogicalOperator.Or => JsSemantics.IsTruthy(value),
            _ => !JsSemantics.IsNullish(value),
        };
        return takeLeft ? value : right.Evaluate(frame);
    }
}

internal enum UnaryOperator { Not, Negate, Plus, TypeOf }

internal sealed class UnaryNode(UnaryOperator op, FastNode operand) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var value = operand.Evaluate(frame);
        if (Bailed(value)) return value;
        return op switch
        {
            UnaryOperator.Not => FastValue.Bool(!JsSemantics.IsTruthy(value)),
            UnaryOperator.TypeOf => (object?)JsSemantics.TypeOf(value) ?? FastValue.Bail,
            _ when JsSemantics.ToNumber(value) is not { } number => FastValue.Bail,
            UnaryOperator.Negate => -JsSemantics.ToNumber(value)!.Value,
            _ => JsSemantics.ToNumber(value)!.Value,
        };
    }
}

internal enum BinaryOperator { StrictEqual, StrictNotEqual, Equal, NotEqual, Add, Subtract, Multiply, Divide, Remainder, Less, Greater, LessOrEqual, GreaterOrEqual }

internal sealed class BinaryNode(BinaryOperator op, FastNode left, FastNode right) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var a = left.Evaluate(frame);
        if (Bailed(a)) return a;
        var b = right.Evaluate(frame);
        if (Bailed(b)) return b;
        switch (op)
        {
            case BinaryOperator.StrictEqual: return Boolean(JsSemantics.StrictEquals(a, b));
            case BinaryOperator.StrictNotEqual: return Boolean(!JsSemantics.StrictEquals(a, b));
            case BinaryOperator.Equal: return Boolean(JsSemantics.LooseEquals(a, b));
            case BinaryOperator.NotEqual: return Boolean(!JsSemantics.LooseEquals(a, b));
            case BinaryOperator.Add: return JsSemantics.Add(a, b);
        }
        if (!JsSemantics.IsPrimitive(a) || !JsSemantics.IsPrimitive(b)) return FastValue.Bail;
        if (op is BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual && a is string sa && b is string sb)
        {
            var order = string.CompareOrdinal(sa, sb);
            return FastValue.Bool(op switch
            {
                BinaryOperator.Less => order < 0,
                BinaryOperator.Greater => order > 0,
                BinaryOperator.LessOrEqual => order <= 0,
                _ => order >= 0,
            });
        }
        var x = JsSemantics.ToNumber(a)!.Value;
        var y = JsSemantics.ToNumber(b)!.Value;
        return op switch
        {
            BinaryOperator.Subtract => x - y,
            BinaryOperator.Multiply => x * y,
            BinaryOperator.Divide => x / y,
            BinaryOperator.Remainder => x % y,
            // Comparisons with NaN are false both ways, which C#'s operators already give.
            BinaryOperator.Less => FastValue.Bool(x < y),
            BinaryOperator.Greater => FastValue.Bool(x > y),
            BinaryOperator.LessOrEqual => FastValue.Bool(x <= y),
            _ => FastValue.Bool(x >= y),
        };
    }

    private static object Boolean(bool? value) => value is { } known ? FastValue.Bool(known) : FastValue.Bail;
}

internal sealed class ConditionalNode(FastNode test, FastNode consequent, FastNode alternate) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var value = test.Evaluate(frame);
        if (Bailed(value)) return value;
        return JsSemantics.IsTruthy(value) ? consequent.Evaluate(frame) : alternate.Evaluate(frame);
    }
}

/// <summary>An untagged template literal: <c>quasis[0] + expr[0] + quasis[1] + …</c>, each value by ToString.</summary>
internal sealed class TemplateNode(string[] quasis, FastNode[] expressions) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        if (expressions.Length == 0) return quasis[0];
        var parts = new string[quasis.Length + expressions.Length];
        for (var i = 0; i < expressions.Length; i++)
        {
            var value = expressions[i].Evaluate(frame);
            if (Bailed(value)) return value;
            if (JsSemantics.ToJsString(value) is not { } text) return FastValue.Bail;
            parts[2 * i] = quasis[i];
            parts[2 * i + 1] = text;
        }
        parts[^1] = quasis[^1];
        return string.Concat(parts);
    }
}

internal sealed class ObjectNode(string[] keys, FastNode[] values) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var result = new System.Dynamic.ExpandoObject();
        IDictionary<string, object?> map = result;
        for (var i = 0; i < keys.Length; i++)
        {
            var value = values[i].Evaluate(frame);
            if (Bailed(value)) return value;
            map[keys[i]] = value;
        }
        return result;
    }
}

internal sealed class ArrayNode(FastNode[] items) : FastNode
{
    public override object? Evaluate(FastFrame frame)
    {
        var result = new object?[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var value = items[i].Evaluate(frame);
            if (Bailed(value)) return value;
            result[i] = value;
        }
        return result;
    }
}
