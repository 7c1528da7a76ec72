namespace Itsm.Activities.Model;

/// <summary>
/// The callback URL of a waiting activity: Elsa's resume route with the bookmark id as token. Relative, because
/// the engine does not know under which host the API is reached; the caller puts its public base in front.
/// </summary>
public static class ResumeUrls
{
    public const string Route = "/elsa/api/bookmarks/resume";

    public static string For(string token) => $"{Route}?t={Uri.EscapeDataString(token)}";
}
