using System.Globalization;

namespace Itsm.Benchmarks.Cli;

/// <summary>
/// The options after the command name: <c>--name value</c> pairs (repeatable) and bare <c>--flag</c>s.
/// Hand-rolled on purpose: a benchmark host should not pull a CLI framework into what it measures.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandArgs()
    {
    }

    public static CommandArgs Parse(IReadOnlyList<string> tokens)
    {
        var args = new CommandArgs();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new UsageException($"unexpected argument '{token}' (options look like --name value)");
            }

            var name = token[2..];
            // "--name=value" is accepted too: handy when a value itself starts with "--".
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                args.Add(name[..eq], name[(eq + 1)..]);
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                args.Add(name, tokens[++i]);
            }
            else
            {
                args._flags.Add(name);
            }
        }

        return args;
    }

    public bool HasFlag(string name) => _flags.Contains(name);

    public string? GetString(string name) =>
        _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> GetAll(string name) =>
        _values.TryGetValue(name, out var list) ? list : [];

    public double GetDouble(string name, double fallback)
    {
        var text = GetString(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"--{name}: '{text}' is not a number");
    }

    public int GetInt(string name, int fallback)
    {
        var text = GetString(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name}: '{text}' is not an integer");
    }

    /// <summary>Rejects options the command does not know, so a typo is not silently ignored.</summary>
    public void EnsureOnly(params string[] known)
    {
        var allowed = new HashSet<string>(known, StringComparer.Ordinal) { "help" };
        var unknown = _values.Keys.Concat(_flags).Where(n => !allowed.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option(s): {string.Join(", ", unknown.Select(n => "--" + n))}");
        }
    }

    private void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            list = [];
            _values[name] = list;
        }

        list.Add(value);
    }
}
