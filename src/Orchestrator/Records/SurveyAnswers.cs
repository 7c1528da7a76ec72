namespace Itsm.Orchestrator.Records;

/// <summary>
/// The contract between the survey activity and the answer route: the activity waits on a bookmark of
/// <see cref="BookmarkKind"/> whose key is the survey's unguessable token; the answer resumes it with
/// <c>{ "score": int 1–5, "comment": string or null }</c>.
/// </summary>
public static class SurveyAnswers
{
    public const string BookmarkKind = "Itsm.SendSurvey";

    public const string Score = "score";
    public const string Comment = "comment";

    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxCommentLength = 2000;
    public const int MaxTokenLength = 200;

    /// <summary>Who answered, in the journal: the respondent is anonymous, the token their only credential.</summary>
    public const string Actor = "survey respondent";
}
