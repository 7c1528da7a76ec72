namespace Itsm.Orchestrator.Persistence;

/// <summary>Builds LIKE patterns for search terms, escaped with <see cref="Escape"/> so user input matches literally.</summary>
internal static class LikePattern
{
    public const string Escape = "\\";

    /// <summary><paramref name="text"/> with LIKE wildcards escaped, to match literally inside a larger pattern.</summary>
    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>"%term%" with LIKE wildcards in <paramref name="term"/> escaped.</summary>
    public static string Contains(string term) =>
        "%" + term.Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
