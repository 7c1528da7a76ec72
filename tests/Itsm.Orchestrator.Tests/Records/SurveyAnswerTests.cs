using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary><c>POST /api/surveys/answer</c>: anonymous, the token is the credential, and it resumes the waiting instance once.</summary>
public sealed class SurveyAnswerTests
{
    private const string Token = "tok-7f3a9c2e4b6d48e1a0b5c9d2e6f1a3b7";

    private static ItsmAppFactory App() => new()
    {
        TestServices = services => services.AddItsmActivities(a => a.AddActivity<AwaitSurveyStep>()),
    };

    private static string SurveyFlow() => new Itsm.Activities.Tests.Support.FlowBuilder("survey-flow")
        .Activity("start", "Elsa.Start")
        .Activity("survey", "Test.AwaitSurvey", ("token", Literal("String", Token)))
        .Chain("start", "survey")
        .ToJson();

    private static HttpClient Anonymous(ItsmAppFactory app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    [Fact]
    public async Task Answer_resumes_the_waiting_instance_once_and_a_second_answer_is_not_found()
    {
        await using var app = App();
        await app.PublishAsync(SurveyFlow());
        var started = await app.Runtime.StartAsync(new StartRequest("survey-flow"), default);
        started.State!.Status.Should().Be(InstanceStatus.Suspended);
        using var client = Anonymous(app);

        var answered = await client.PostAsJsonAsync("/api/surveys/answer", new { token = Token, score = 4, comment = "Quick and friendly" });

        answered.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var view = await app.InstanceAsync(started.InstanceId!);
        view.Record.Status.Should().Be(InstanceStatus.Finished);
        var answer = JsonNode.Parse((await app.Store.FindRecordAsync(RecordTypes.Survey, "srv-answered", default))!.DataJson)!;
        answer["score"]!.GetValue<int>().Should().Be(4);
        answer["comment"]!.GetValue<string>().Should().Be("Quick and friendly");

        var again = await client.PostAsJsonAsync("/api/surveys/answer", new { token = Token, score = 1 });
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        again.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await again.Content.ReadAsStringAsync()).Should().NotContain(Token);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { """{"score":4}""", "token" },
        { """{"token":"","score":4}""", "token" },
        { $$"""{"token":"{{Token}}"}""", "score" },
        { $$"""{"token":"{{Token}}","score":6}""", "score" },
        { $$"""{"token":"{{Token}}","score":0}""", "score" },
        { $$"""{"token":"{{Token}}","score":3.5}""", "score" },
        { $$"""{"token":"{{Token}}","score":"5"}""", "score" },
        { $$"""{"token":"{{Token}}","score":5,"comment":"{{new string('x', 2001)}}"}""", "comment" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_answer_is_a_problem_naming_the_field_and_resumes_nothing(string body, string field)
    {
        await using var app = App();
        await app.PublishAsync(SurveyFlow());
        var started = await app.Runtime.StartAsync(new StartRequest("survey-flow"), default);
        using var client = Anonymous(app);

        var response = await client.PostAsync("/api/surveys/answer", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended);
    }

    [Fact]
    public async Task Unknown_token_is_not_found()
    {
        await using var app = App();
        using var client = Anonymous(app);
        var response = await client.PostAsJsonAsync("/api/surveys/answer", new { token = "tok-guessed", score = 5 });
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Survey_records_never_show_their_token()
    {
        await using var app = App();
        var writer = app.Services.GetRequiredService<RecordWriter>();
        await writer.WriteAsync([writer.ByHand(RecordTypes.Survey, "srv-1", new JsonObject
        {
            ["number"] = "SRV0000001", ["title"] = "How did we do?", ["status"] = "sent", [RecordData.SurveyToken] = Token,
        }, "tester")], default);
        using var client = app.CreateClient();

        (await client.GetStringAsync("/api/surveys/SRV0000001")).Should().NotContain(Token);
        (await client.GetStringAsync("/api/surveys")).Should().NotContain(Token);
        (await client.GetStringAsync("/api/records/survey/srv-1")).Should().NotContain(Token);
    }
}
