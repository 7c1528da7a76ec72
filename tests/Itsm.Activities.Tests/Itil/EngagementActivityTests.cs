using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Itil;

public sealed class EngagementActivityTests
{
    private const string StepRecordId = "inst-1-step";

    private static (string, System.Text.Json.Nodes.JsonNode?) Input(string name, string value) => (name, Literal("String", value));

    [Fact]
    public async Task Notification_is_written_pending_for_the_host_to_deliver()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.NotifyStakeholder", Input("recipient", "desk@example.org"), Input("subject", "Release 4.2 is live"),
            Input("body", "The new client is available."), Input("channel", "webhook"), Input("aboutRecordType", "change"), Input("aboutRecordId", "chg-1"));

        run.Variable("number").Should().Be("NTF0000001");
        run.Variable("recordId").Should().Be(StepRecordId);
        var notification = harness.Record(RecordTypes.Notification, StepRecordId);
        notification.Should().Contain(RecordFields.Status, "pending").And.Contain("recipient", "desk@example.org")
            .And.Contain("subject", "Release 4.2 is live").And.Contain(RecordFields.Title, "Release 4.2 is live")
            .And.Contain("body", "The new client is available.").And.Contain("channel", "webhook");
        notification.Links().Should().Equal((RecordTypes.Change, "chg-1", "about"));
    }

    [Fact]
    public async Task Notification_without_a_recipient_faults_and_writes_nothing()
    {
        var harness = new ItilHarness();
        var run = await harness.RunStepAsync("Itsm.NotifyStakeholder", Input("subject", "hello"));

        run.Status.Should().Be(InstanceStatus.Faulted);
        run.State.Fault!.Message.Should().Contain("recipient");
        harness.Written.Should().BeEmpty();
    }

    [Fact]
    public async Task Survey_is_sent_with_an_unguessable_token_and_waits_on_it()
    {
        var harness = new ItilHarness();
        var run = await SendAsync(harness);

        run.Status.Should().Be(InstanceStatus.Suspended);
        var survey = harness.Record(RecordTypes.Survey, StepRecordId);
        survey.Should().Contain(RecordFields.Status, "sent").And.Contain("recipient", "warehouse manager").And.Contain(RecordFields.Number, "SRV0000001");
        survey.Links().Should().Equal((RecordTypes.Incident, "inc-1", "about"));
        var token = (string)survey["token"]!;
        token.Should().MatchRegex("^[A-Za-z0-9_-]{22}$", "128 random bits, URL-safe");
        var bookmark = run.Bookmark(SendSurvey.BookmarkKind);
        bookmark.Key.Should().Be(token);
        bookmark.Task.Should().BeNull("the respondent answers through the survey, not an inbox");
        run.Bursts.SelectMany(b => b.Journal).Select(entry => entry.Summary ?? "").Should()
            .NotContain(summary => summary.Contains(token, StringComparison.Ordinal), "the token is a credential; readers of the history must not see it");

        var invitation = harness.Record(RecordTypes.Notification, StepRecordId + "-invitation");
        invitation.Should().Contain(RecordFields.Status, "pending").And.Contain("recipient", "warehouse manager");
        ((string)invitation["body"]!).Should().Contain(token);
        invitation.Links().Should().Equal((RecordTypes.Survey, StepRecordId, "invites-to"));

        var second = await SendAsync(new ItilHarness());
        second.Bookmark(SendSurvey.BookmarkKind).Key.Should().NotBe(token);
    }

    [Theory]
    [InlineData(5, "Answered")]
    [InlineData(3, "Answered")]
    [InlineData(2, "LowScore")]
    [InlineData(1, "LowScore")]
    public async Task Answer_is_recorded_on_the_survey_and_a_score_at_or_below_the_threshold_is_low(int score, string outcome)
    {
        var harness = new ItilHarness();
        var run = await SendAsync(harness);

        await run.ResumeAsync(SendSurvey.BookmarkKind, new Dictionary<string, object?> { ["score"] = (long)score, ["comment"] = "thanks" });

        run.Status.Should().Be(InstanceStatus.Finished);
        run.Outcome().Should().Be(outcome);
        run.Variable("score").Should().Be(score);
        run.Variable("comment").Should().Be("thanks");
        harness.Record(RecordTypes.Survey, StepRecordId).Should().Contain(RecordFields.Status, "answered").And.Contain("score", (long)score).And.Contain("comment", "thanks");
    }

    [Fact]
    public async Task Threshold_input_moves_the_low_score_line()
    {
        var harness = new ItilHarness();
        var run = await SendAsync(harness, ("lowScoreThreshold", Literal("Int32", "3")));

        await run.ResumeAsync(SendSurvey.BookmarkKind, new Dictionary<string, object?> { ["score"] = 3L });

        run.Outcome().Should().Be(SendSurvey.LowScore);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(0)]
    [InlineData(null)]
    public async Task Answer_without_a_valid_score_is_ignored_and_the_survey_keeps_waiting_on_its_token(int? score)
    {
        var harness = new ItilHarness();
        var run = await SendAsync(harness);
        var token = run.Bookmark(SendSurvey.BookmarkKind).Key;

        await run.ResumeAsync(SendSurvey.BookmarkKind, new Dictionary<string, object?> { ["score"] = score });

        run.Status.Should().Be(InstanceStatus.Suspended);
        run.Bookmark(SendSurvey.BookmarkKind).Key.Should().Be(token);
        harness.Record(RecordTypes.Survey, StepRecordId)[RecordFields.Status].Should().Be("sent");
    }

    private static Task<ItilRun> SendAsync(ItilHarness harness, params (string, System.Text.Json.Nodes.JsonNode?)[] more)
        => harness.RunStepAsync("Itsm.SendSurvey", [Input("recipient", "warehouse manager"), Input("incidentId", "inc-1"), .. more]);
}
