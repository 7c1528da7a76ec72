namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// LIKE patterns over a journal record's normalized tags (<c>{"valueChain":[…],"practices":[…],"roles":[…]}</c>,
/// always in that order, see <c>NodeTags</c>), lower-cased, so the tag filters are plain EF LINQ on both providers
/// without a column per tag. A value matches only inside its own array: each array is bounded by the key that
/// follows it, and those keys cannot occur inside a value (tag values never hold quotes, the compiler refuses them).
/// </summary>
internal static class JournalTagPatterns
{
    public static string ValueChain(string value) => "{\"valuechain\":[%" + Quoted(value) + "%],\"practices\":%";

    public static string Practice(string value) => "%],\"practices\":[%" + Quoted(value) + "%],\"roles\":%";

    public static string Role(string value) => "%],\"roles\":[%" + Quoted(value) + "%]}";

    private static string Quoted(string value) => "\"" + LikePattern.Literal(value.ToLowerInvariant()) + "\"";
}
