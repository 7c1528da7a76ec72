using System.Globalization;
using System.Security.Cryptography;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Asks the user how satisfied they are and waits for the answer. The step writes a <c>survey</c> record (status
/// <c>sent</c>) holding an unguessable token, and a notification to the respondent carrying that token; it then waits on
/// a bookmark keyed by the token, which the host resumes when the survey is answered (<c>{ "score": 1–5, "comment": … }</c>).
/// The answer is recorded on the survey; a score at or below the threshold leaves through <c>LowScore</c> (feed it to
/// improvement), any other through <c>Answered</c>. An answer without a valid score is ignored and the survey keeps waiting.
/// </summary>
[Activity("Itsm", "SendSurvey", DisplayName = "Send satisfaction survey", Kind = ActivityKind.Task,
    Description = "Sends a satisfaction survey and waits for the score (1–5); LowScore at or below the threshold.")]
[Outcomes(Answered, LowScore)]
[Output("score", typeof(int), Description = "The score given, 1 (poor) to 5 (excellent).")]
[Output("comment", typeof(string), Description = "The respondent's comment, if any.")]
[Output("recordId", typeof(string), Description = "The survey's record id.")]
[Output("number", typeof(string), Description = "The survey's number.")]
[ItilTags(ValueChain = ["engage", "improve"], Practices = ["service-desk", "relationship-management", "continual-improvement"], Roles = ["service desk agent", "user"])]
[SensitiveData]
public sealed class SendSurvey(IRecordReader reader, IRecordNumbers numbers) : Activity<SendSurvey.Inputs>
{
    public const string Answered = "Answered";
    public const string LowScore = "LowScore";

    /// <summary>The bookmark kind the host resumes by token (the bookmark's key).</summary>
    public const string BookmarkKind = "Itsm.SendSurvey";

    public sealed class Inputs
    {
        [Input(Description = "Who is asked: an e-mail address or a person.")]
        public string? Recipient { get; set; }

        [Input(Description = "The question, e.g. How satisfied are you with how your incident was handled?")]
        public string Question { get; set; } = "How satisfied are you with how we handled your request?";

        [Input(Description = "The record id of the incident (or change) the survey is about, if any.")]
        public string? IncidentId { get; set; }

        [Input(Description = "Scores at or below this leave through LowScore.")]
        public int LowScoreThreshold { get; set; } = 2;

        [Input(Description = "The channel the invitation goes through (as the host names them); empty: the host's default.")]
        public string? Channel { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Recipient)) return Fail("A survey needs a recipient.", retryable: false);
        var id = ItilRecords.IdFor(context);
        var token = NewToken();
        var survey = await ItilRecords.FindOrNewAsync(context, reader, numbers, RecordTypes.Survey, id, cancellationToken);
        survey[RecordFields.Status] = "sent";
        survey[RecordFields.Title] = input.Question;
        survey["recipient"] = input.Recipient.Trim();
        survey["token"] = token;
        survey["sentAt"] = ItilRecords.Timestamp(context);
        ItilRecords.Link(survey, RecordTypes.Incident, input.IncidentId, "about");
        ItilRecords.Write(context, RecordTypes.Survey, id, survey);

        var invitationId = ItilRecords.IdFor(context, "invitation");
        var invitation = await ItilRecords.FindOrNewAsync(context, reader, numbers, RecordTypes.Notification, invitationId, cancellationToken);
        NotifyStakeholder.Fill(invitation, input.Recipient.Trim(), $"Survey {survey[RecordFields.Number]}: {input.Question}",
            $"{input.Question} Answer with a score from 1 (poor) to 5 (excellent) and your survey token: {token}", input.Channel);
        ItilRecords.Link(invitation, RecordTypes.Survey, id, "invites-to");
        ItilRecords.Write(context, RecordTypes.Notification, invitationId, invitation);

        return Suspend(new BookmarkRequest(BookmarkKind, token) { Payload = new Dictionary<string, object?> { ["surveyId"] = id }, KeyIsSecret = true });
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var id = ItilRecords.IdFor(context);
        var survey = await ItilRecords.FindAsync(context, reader, RecordTypes.Survey, id, cancellationToken);
        if (survey is null) return ItilRecords.Missing(RecordTypes.Survey, id);
        var token = ItilRecords.Text(survey, "token");
        var answer = context.ResumeInput as IDictionary<string, object?>;
        if (ScoreOf(answer) is not { } score)
            // A malformed answer must not use the survey up: wait again on the same token.
            return Suspend(new BookmarkRequest(BookmarkKind, token) { Payload = new Dictionary<string, object?> { ["surveyId"] = id }, KeyIsSecret = true });

        var comment = answer!.TryGetValue("comment", out var text) && text is not null ? Convert.ToString(text, CultureInfo.InvariantCulture) : null;
        survey[RecordFields.Status] = "answered";
        survey["score"] = score;
        survey["comment"] = comment;
        survey["answeredAt"] = ItilRecords.Timestamp(context);
        ItilRecords.Write(context, RecordTypes.Survey, id, survey);
        return Outcome(score <= input.LowScoreThreshold ? LowScore : Answered, new Dictionary<string, object?>
        {
            ["score"] = score,
            ["comment"] = comment,
            ["recordId"] = id,
            ["number"] = ItilRecords.Text(survey, RecordFields.Number),
        });
    }

    private static int? ScoreOf(IDictionary<string, object?>? answer)
    {
        if (answer is null || !answer.TryGetValue("score", out var value) || value is null) return null;
        try
        {
            var score = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return score is >= 1 and <= 5 && score % 1 == 0 ? (int)score : null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>128 random bits, URL-safe: the token is the respondent's only credential, so it must not be guessable.</summary>
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
