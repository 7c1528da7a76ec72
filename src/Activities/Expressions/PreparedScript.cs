using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;

namespace Itsm.Activities.Expressions;

/// <summary>
/// A JavaScript expression parsed once. Elsa scripts may be a bare expression (<c>variables.Count + 1</c>)
/// or a function body with <c>return</c>; the latter is wrapped in a function so both evaluate to a value.
/// </summary>
public sealed class PreparedScript
{
    private static readonly ConcurrentDictionary<string, PreparedScript> Cache = new(StringComparer.Ordinal);

    private PreparedScript(string source, Prepared<Script> script)
    {
        Source = source;
        Script = script;
    }

    public string Source { get; }
    internal Prepared<Script> Script { get; }

    /// <summary>Parses the source; a syntax error is a <see cref="ScriptException"/> that names the problem.</summary>
    public static PreparedScript Prepare(string source) => Cache.GetOrAdd(source, Parse);

    private static PreparedScript Parse(string source)
    {
        var code = NeedsFunctionWrapper(source) ? $"(function () {{\n{source}\n}})()" : source;
        try
        {
            return new PreparedScript(source, Jint.Engine.PrepareScript(code, strict: false));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ScriptException($"JavaScript syntax error: {(ex.InnerException ?? ex).Message}", ex);
        }
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
