using Acornima;
using Acornima.Ast;

namespace Itsm.Activities.Expressions.FastPath;

/// <summary>
/// Compiles a parsed script into a <see cref="FastScript"/> when every construct in it belongs to the subset the fast
/// evaluator models exactly; otherwise null, and the script always runs on Jint. The subset:
/// string, number, boolean and null literals; <c>undefined</c>, <c>NaN</c>, <c>Infinity</c>; <c>variables.X</c>,
/// <c>input</c>, member chains (<c>a.b</c>, <c>a['b']</c>, <c>a[0]</c>, <c>.length</c>); the calls <c>getVariable(x)</c>,
/// <c>getInput(x)</c>, <c>String(x)</c>, <c>getWorkflowInstanceId()</c>, <c>getCorrelationId()</c>, <c>getLastResult()</c>;
/// <c>&amp;&amp; || ?? ! typeof</c>, unary <c>- +</c>, <c>=== !== == != + - * / % &lt; &gt; &lt;= &gt;=</c>, <c>?:</c>;
/// untagged template literals; object literals with plain keys and array literals without holes or spreads.
/// A bare script is one expression; a script with <c>return</c> may first declare locals
/// (<c>var</c>/<c>let</c>/<c>const</c> with an initializer) and ends with one <c>return</c>. Values an operation
/// would have to convert through an object's own methods are decided at run time (<see cref="FastValue.Bail"/>).
/// </summary>
internal sealed class FastScriptCompiler
{
    // Globals a local must not shadow (the compiled nodes assume the global), and names with engine meaning.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "undefined", "NaN", "Infinity", "variables", "input", "getVariable", "getInput", "String", "getWorkflowInstanceId",
        "getCorrelationId", "getLastResult", "arguments", "eval", "globalThis", "let", "yield", "await",
    };

    // Expressions nest at most this deep: evaluation recurses as deep as the tree, on whatever stack the caller has.
    private const int MaxNesting = 48;

    private readonly Dictionary<string, int> _locals = new(StringComparer.Ordinal);
    private int _nesting;

    private FastScriptCompiler()
    {
    }

    /// <summary>The compiled script, or null when it uses anything outside the subset.</summary>
    /// <param name="wrapped">The source contained <c>return</c> and was wrapped in <c>(function () { … })()</c>.</param>
    public static FastScript? TryCompile(Script program, bool wrapped)
    {
        try
        {
            return new FastScriptCompiler().Compile(program, wrapped);
        }
        catch (NotInSubsetException)
        {
            return null;
        }
    }

    private FastScript Compile(Script program, bool wrapped)
    {
        if (program.Body.Count != 1 || program.Body[0] is not ExpressionStatement { Expression: var expression }) throw NotInSubset();
        // A bare script must be one expression: a top-level `var` would create a global later scripts of the burst see.
        if (!wrapped) return new FastScript(0, [], CompileExpression(expression));

        if (expression is not CallExpression { Callee: FunctionExpression function, Arguments.Count: 0, Optional: false }
            || function.Params.Count != 0 || function.Async || function.Generator)
            throw NotInSubset();
        var statements = function.Body.Body;
        var declarations = new List<(int, FastNode)>();
        FastNode? result = null;
        for (var i = 0; i < statements.Count; i++)
        {
            switch (statements[i])
            {
                case VariableDeclaration declaration when result is null:
                    foreach (var declarator in declaration.Declarations)
                    {
                        if (declarator is not { Id: Identifier { Name: var name }, Init: { } init } || Reserved.Contains(name) || _locals.ContainsKey(name))
                            throw NotInSubset();
                        // The initializer is compiled before the name exists, so `var p = p` is not in the subset.
                        var value = CompileExpression(init);
                        _locals.Add(name, _locals.Count);
                        declarations.Add((_locals[name], value));
                    }
                    break;
                case ReturnStatement { Argument: var argument } when i == statements.Count - 1:
                    result = argument is null ? new ConstantNode(FastValue.Undefined) : CompileExpression(argument);
                    break;
                default:
                    throw NotInSubset();
            }
        }
        return new FastScript(_locals.Count, [.. declarations], result ?? new ConstantNode(FastValue.Undefined));
    }

    private FastNode CompileExpression(Expression expression)
    {
        if (++_nesting > MaxNesting) throw NotInSubset();
        try
        {
            return CompileNested(expression);
        }
        finally
        {
            _nesting--;
        }
    }

    private FastNode CompileNested(Expression expression) => expression switch
    {
        StringLiteral literal => new ConstantNode(literal.Value),
        NumericLiteral literal => new ConstantNode(literal.Value),
        BooleanLiteral literal => new ConstantNode(FastValue.Bool(literal.Value)),
        NullLiteral => new ConstantNode(null),
        Identifier identifier => CompileIdentifier(identifier.Name),
        MemberExpression member => CompileMember(member),
        CallExpression call => CompileCall(call),
        LogicalExpression logical => new LogicalNode(logical.Operator switch
        {
            Operator.LogicalAnd => LogicalOperator.And,
            Operator.LogicalOr => LogicalOperator.Or,
            Operator.NullishCoalescing => LogicalOperator.Nullish,
            _ => throw NotInSubset(),
        }, CompileExpression(logical.Left), CompileExpression(logical.Right)),
        NonLogicalBinaryExpression binary => new BinaryNode(binary.Operator switch
        {
            Operator.StrictEquality => BinaryOperator.StrictEqual,
            Operator.StrictInequality => BinaryOperator.StrictNotEqual,
            Operator.Equality => BinaryOperator.Equal,
            Operator.Inequality => BinaryOperator.NotEqual,
            Operator.Addition => BinaryOperator.Add,
            Operator.Subtraction => BinaryOperator.Subtract,
            Operator.Multiplication => BinaryOperator.Multiply,
            Operator.Division => BinaryOperator.Divide,
            Operator.Remainder => BinaryOperator.Remainder,
            Operator.LessThan => BinaryOperator.Less,
            Operator.GreaterThan => BinaryOperator.Greater,
            Operator.LessThanOrEqual => BinaryOperator.LessOrEqual,
            Operator.GreaterThanOrEqual => BinaryOperator.GreaterOrEqual,
            _ => throw NotInSubset(),
        }, CompileExpression((Expression)binary.Left), CompileExpression(binary.Right)),
        UnaryExpression unary => new UnaryNode(unary.Operator switch
        {
            Operator.LogicalNot => UnaryOperator.Not,
            Operator.UnaryNegation => UnaryOperator.Negate,
            Operator.UnaryPlus => UnaryOperator.Plus,
            // typeof of an undeclared name is "undefined" where reading it throws: only typeof of what we can read.
            Operator.TypeOf => UnaryOperator.TypeOf,
            _ => throw NotInSubset(),
        }, CompileExpression(unary.Argument)),
        ConditionalExpression conditional => new ConditionalNode(
            CompileExpression(conditional.Test), CompileExpression(conditional.Consequent), CompileExpression(conditional.Alternate)),
        TemplateLiteral template => CompileTemplate(template),
        ObjectExpression obj => CompileObject(obj),
        ArrayExpression array => new ArrayNode([.. array.Elements.Select(e => e is null or SpreadElement ? throw NotInSubset() : CompileExpression(e))]),
        _ => throw NotInSubset(),
    };

    private FastNode CompileIdentifier(string name)
    {
        if (_locals.TryGetValue(name, out var index)) return new LocalNode(index);
        return name switch
        {
            "undefined" => new ConstantNode(FastValue.Undefined),
            "NaN" => new ConstantNode(double.NaN),
            "Infinity" => new ConstantNode(double.PositiveInfinity),
            "input" => new InputNode(),
            // Any other global (a host function, Math, a name that is not defined) is Jint's.
            _ => throw NotInSubset(),
        };
    }

    private FastNode CompileMember(MemberExpression member)
    {
        if (member.Optional) throw NotInSubset();
        if (member.Object is Identifier { Name: "variables" } && !_locals.ContainsKey("variables"))
        {
            return member is { Computed: false, Property: Identifier { Name: var variable } } ? new VariableNode(variable) : throw NotInSubset();
        }
        var target = CompileExpression(member.Object);
        return member switch
        {
            { Computed: false, Property: Identifier { Name: var name } } => new MemberNode(target, name),
            { Computed: true, Property: StringLiteral { Value: var key } } => new MemberNode(target, key),
            { Computed: true, Property: Expression key } => new ComputedMemberNode(target, CompileExpression(key)),
            _ => throw NotInSubset(),
        };
    }

    private CallNode CompileCall(CallExpression call)
    {
        if (call.Optional || call.Callee is not Identifier { Name: var name }) throw NotInSubset();
        var (function, arity) = name switch
        {
            "getVariable" => (FastFunction.GetVariable, 1),
            "getInput" => (FastFunction.GetInput, 1),
            "String" => (FastFunction.String, call.Arguments.Count == 0 ? 0 : 1),
            "getWorkflowInstanceId" => (FastFunction.GetWorkflowInstanceId, 0),
            "getCorrelationId" => (FastFunction.GetCorrelationId, 0),
            "getLastResult" => (FastFunction.GetLastResult, 0),
            _ => throw NotInSubset(),
        };
        if (call.Arguments.Count != arity || call.Arguments.Any(a => a is SpreadElement)) throw NotInSubset();
        return new CallNode(function, arity == 0 ? null : CompileExpression(call.Arguments[0]));
    }

    private TemplateNode CompileTemplate(TemplateLiteral template)
    {
        var quasis = template.Quasis.Select(q => q.Value.Cooked ?? throw NotInSubset()).ToArray();
        return new TemplateNode(quasis, [.. template.Expressions.Select(CompileExpression)]);
    }

    private ObjectNode CompileObject(ObjectExpression obj)
    {
        var keys = new List<string>();
        var values = new List<FastNode>();
        foreach (var property in obj.Properties)
        {
            if (property is not ObjectProperty { Kind: PropertyKind.Init, Method: false, Computed: false } plain) throw NotInSubset();
            var key = plain.Key switch
            {
                Identifier identifier => identifier.Name,
                StringLiteral literal => literal.Value,
                _ => throw NotInSubset(),
            };
            // `__proto__:` sets the prototype; integer-like keys are ordered first: both Jint's.
            if (key == "__proto__" || FastData.IsIntegerLike(key)) throw NotInSubset();
            keys.Add(key);
            values.Add(CompileExpression((Expression)plain.Value));
        }
        return new ObjectNode([.. keys], [.. values]);
    }

    private static NotInSubsetException NotInSubset() => new();

    private sealed class NotInSubsetException : Exception;
}
