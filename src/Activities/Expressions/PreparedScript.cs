using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;
using Itsm.Activities.Expressions.FastPath;

namespace Itsm.Activities.Expressions;

/// <summary>
/// A JavaScript expression parsed once. Elsa scripts may be a bare expression (<c>variables.Count + 1</c>)
/// or a function body with <c>return</c>; the latter is wrapped in a function so both evaluate to a value.
/// </summary>
public sealed class PreparedScript
{
    private static readonly ConcurrentDictionary<string, PreparedScript> Cache = new(StringComparer.Ordinal);

    private PreparedScript(string source, Prepared<Script> script, FastScript? fast)
    {
        Source = source;
        Script = script;
        Fast = fast;
    }

    public string Source { get; }
    internal Prepared<Script> Script { get; }

    /// <summary>The script compiled for the engine-free evaluator, when it is written in that subset; else null.</summary>
    internal FastScript? Fast { get; }

    /// <summary>Parses the source; a syntax error is a <see cref="ScriptException"/> that names the problem.</summary>
    public static PreparedScript Prepare(string source) => Cache.GetOrAdd(source, Parse);

    private static PreparedScript Parse(string source)
    {
        var wrapped = NeedsFunctionWrapper(source);
        var code = wrapped ? $"(function () {{\n{source}\n}})()" : source;
        Prepared<Script> prepared;
        try
        {
            prepared = Jint.Engine.PrepareScript(code, strict: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ScriptException($"JavaScript syntax error: {(ex.InnerException ?? ex).Message}", ex);
        }
        return new PreparedScript(source, prepared, prepared.Program is { } program ? FastScriptCompiler.TryCompile(program, wrapped) : null);
    }

    private static bool NeedsFunctionWrapper(string source)
    {
        var index = source.IndexOf("return", StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index == 0 || !IsIdentifierChar(source[index - 1]);
            var afterIndex = index + "return".Length;
            var after = afterIndex >= source.Length || !IsIdentifierChar(source[afterIndex]);
            if (before && after) return true;
            index = source.IndexOf("return", afterIndex, StringComparison.Ordinal);
        }
        return false;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
