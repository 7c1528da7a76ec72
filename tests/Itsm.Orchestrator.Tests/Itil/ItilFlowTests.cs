using System.Net;
using System.Text.Json.Nodes;
using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Itil;

/// <summary>The ITIL activities in the real host: an incident stream through the API, its records in the store.</summary>
public sealed class ItilFlowTests
{
    private static (string, JsonNode?) Text(string name, string value) => (name, Literal("String", value));

    private static (string, JsonNode?) FromVariable(string name, string variable) => (name, Js("String", $"variables.{variable}"));

    private static JsonObject Out(string variable) => new() { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = variable + "-id" } };

    /// <summary>
    /// Log → escalate → read the access point → normal change (approved by the change authority) → implement → take a spare
    /// from stock → resolve → survey → close, or improve on a low score. The access point and the spares are the demo estate's.
    /// </summary>
    private static FlowBuilder IncidentStream() => new FlowBuilder("itil-incident")
        .Variable("IncidentId", "String").Variable("ChangeId", "String").Variable("SurveyId", "String").Variable("Priority", "String")
        .Activity("start", "Elsa.Start")
        .Activity("log", "Itsm.LogIncident", Text("title", "Warehouse WiFi down"), Text("impact", "High"), Text("urgency", "Medium"),
            Text("requester", "warehouse manager"), ("recordId", Out("IncidentId")), ("priority", Out("Priority")))
        .Activity("escalate", "Itsm.EscalateIncident", FromVariable("incidentId", "IncidentId"), Text("supportGroup", "network support engineer"))
        .Activity("ci", "Itsm.ReadConfigurationItem", Text("configurationItemId", "demo-ci-ap-north"))
        .Activity("change", "Itsm.RaiseChange", Text("title", "Replace access point"), Text("changeType", "Normal"),
            FromVariable("incidentId", "IncidentId"), ("recordId", Out("ChangeId")))
        .Activity("implement", "Itsm.ImplementChange", FromVariable("changeId", "ChangeId"))
        .Activity("spare", "Itsm.ConsumeSparePart", Text("assetId", "demo-asset-spare-ap"), FromVariable("incidentId", "IncidentId"))
        .Activity("resolve", "Itsm.ResolveIncident", FromVariable("incidentId", "IncidentId"), FromVariable("changeId", "ChangeId"), Text("resolution", "AP replaced"))
        .Activity("survey", "Itsm.SendSurvey", Text("recipient", "warehouse manager"), FromVariable("incidentId", "IncidentId"), ("recordId", Out("SurveyId")))
        .Activity("close", "Itsm.CloseIncident", FromVariable("incidentId", "IncidentId"))
        .Activity("improve", "Itsm.RegisterImprovement", Text("title", "Ask why the user was unhappy"), Text("source", "Survey"),
            Text("sourceRecordType", "survey"), FromVariable("sourceRecordId", "SurveyId"))
        .Chain("start", "log", "escalate", "ci", "change")
        .Connect("change", "implement", RaiseChange.Approved)
        .Chain("implement", "spare", "resolve", "survey")
        .Connect("survey", "close", SendSurvey.Answered)
        .Connect("survey", "improve", SendSurvey.LowScore);

    private static ItsmAppFactory AppWithDemoEstate()
    {
        var app = new ItsmAppFactory();
        app.Settings["Itsm:Records:SeedDemoEstate"] = "true";
        return app;
    }

    [Fact]
    public async Task Incident_stream_runs_through_the_api_and_leaves_consistent_linked_records()
    {
        await using var app = AppWithDemoEstate();
        using var client = app.CreateClient();
        await client.SaveAsync(IncidentStream(), publish: true);
        var instanceId = await client.ExecuteAsync("itil-incident");

        var instance = await app.InstanceAsync(instanceId);
        instance.State.Status.Should().Be(InstanceStatus.Suspended, "the normal change waits for the change authority");
        instance.Variable("Priority").Should().Be("P2");
        var task = (await app.Store.ListBookmarksOfInstanceAsync(instanceId, default)).Single();
        task.Kind.Should().Be(BookmarkKinds.RunTask);
        var incidentId = (string)instance.Variable("IncidentId")!;
        (await RecordAsync(client, RecordTypes.Incident, incidentId))["status"]!.GetValue<string>().Should().Be("in-progress");

        var completed = await client.PostJsonAsync($"/elsa/api/tasks/{task.Id}/complete",
            new JsonObject { ["result"] = new JsonObject { ["outcome"] = "Approved", ["comment"] = "low risk" } });
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        (await app.InstanceAsync(instanceId)).State.Status.Should().Be(InstanceStatus.Suspended, "the survey waits for its answer");

        var survey = await app.Store.FindRecordAsync(RecordTypes.Survey, $"{instanceId}-survey", default);
        var token = JsonNode.Parse(survey!.DataJson)!["token"]!.GetValue<string>();
        using var respondent = app.CreateClient();
        respondent.DefaultRequestHeaders.Authorization = null;
        var answered = await respondent.PostJsonAsync("/api/surveys/answer", new JsonObject { ["token"] = token, ["score"] = 5, ["comment"] = "quick fix" });
        answered.StatusCode.Should().Be(HttpStatusCode.NoContent, await answered.Content.ReadAsStringAsync());

        instance = await app.InstanceAsync(instanceId);
        instance.State.Status.Should().Be(InstanceStatus.Finished);
        var incident = await RecordAsync(client, RecordTypes.Incident, incidentId);
        incident["number"]!.GetValue<string>().Should().Be("INC0000001");
        incident["status"]!.GetValue<string>().Should().Be("closed");
        incident["priority"]!.GetValue<string>().Should().Be("P2");
        incident["assignmentGroup"]!.GetValue<string>().Should().Be("network support engineer");
        var change = await RecordAsync(client, RecordTypes.Change, (string)instance.Variable("ChangeId")!);
        change["number"]!.GetValue<string>().Should().Be("CHG0000001");
        change["status"]!.GetValue<string>().Should().Be("implemented");
        change["decisionComment"]!.GetValue<string>().Should().Be("low risk");
        change["links"]!.AsArray().Should().ContainSingle(link => link!["id"]!.GetValue<string>() == incidentId);
        var answeredSurvey = await RecordAsync(client, RecordTypes.Survey, (string)instance.Variable("SurveyId")!);
        answeredSurvey["status"]!.GetValue<string>().Should().Be("answered");
        answeredSurvey["score"]!.GetValue<long>().Should().Be(5);
        answeredSurvey["comment"]!.GetValue<string>().Should().Be("quick fix");
        var spares = await RecordAsync(client, RecordTypes.Asset, "demo-asset-spare-ap");
        spares["stockCount"]!.GetValue<long>().Should().Be(3, "the demo estate's four spares less the one fitted");
        spares["lastConsumedFor"]!.GetValue<string>().Should().Be(incidentId);
        (await app.Store.FindRecordAsync(RecordTypes.Improvement, $"{instanceId}-improve", default)).Should().BeNull("a good score registers nothing");
    }

    [Fact]
    public async Task Low_survey_score_registers_an_improvement_linked_to_the_survey()
    {
        await using var app = AppWithDemoEstate();
        using var client = app.CreateClient();
        await client.SaveAsync(IncidentStream(), publish: true);
        var instanceId = await client.ExecuteAsync("itil-incident");
        var task = (await app.Store.ListBookmarksOfInstanceAsync(instanceId, default)).Single();
        (await app.Runtime.ResumeBookmarkAsync(task.Id, "Approved", default)).State!.Status.Should().Be(InstanceStatus.Suspended);

        await AnswerSurveyAsync(app, instanceId, score: 1);

        (await app.InstanceAsync(instanceId)).State.Status.Should().Be(InstanceStatus.Finished);
        var improvement = await RecordAsync(client, RecordTypes.Improvement, $"{instanceId}-improve");
        improvement["number"]!.GetValue<string>().Should().Be("IMP0000001");
        improvement["source"]!.GetValue<string>().Should().Be("survey");
        improvement["links"]![0]!["id"]!.GetValue<string>().Should().Be($"{instanceId}-survey");
        var incident = await RecordAsync(client, RecordTypes.Incident, $"{instanceId}-log");
        incident["status"]!.GetValue<string>().Should().Be("resolved", "a low score does not close the incident");
    }

    [Fact]
    public async Task Host_configured_priority_matrix_cell_and_target_apply_and_the_rest_keep_their_defaults()
    {
        await using var app = new ItsmAppFactory();
        app.Settings["Itsm:Itil:PriorityMatrix:Low:Low"] = "P1";
        app.Settings["Itsm:Itil:ResolutionTargets:P1"] = "00:30:00";

        var options = app.Services.GetRequiredService<ItilOptions>();

        options.PriorityFor(Impact.Low, Urgency.Low).Should().Be(Priority.P1);
        options.ResolutionTargetFor(Priority.P1).Should().Be(TimeSpan.FromMinutes(30));
        options.PriorityFor(Impact.High, Urgency.Medium).Should().Be(Priority.P2);
        options.ResolutionTargetFor(Priority.P4).Should().Be(TimeSpan.FromDays(10));
        await app.PublishAsync(new FlowBuilder("log-only")
            .Variable("Priority", "String").Variable("Due", "Object")
            .Activity("start", "Elsa.Start")
            .Activity("log", "Itsm.LogIncident", Text("title", "Printer jam"), Text("impact", "Low"), Text("urgency", "Low"),
                ("priority", Out("Priority")), ("resolutionDue", Out("Due")))
            .Chain("start", "log")
            .ToJson());
        var started = await app.Runtime.StartAsync(new Itsm.Orchestrator.Runtime.StartRequest("log-only"), default);
        var instance = await app.InstanceAsync(started.InstanceId!);
        instance.Variable("Priority").Should().Be("P1", "the activity in the host gets the configured matrix");
        DateTimeOffset.Parse((string)instance.Variable("Due")!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(ItsmAppFactory.StartOfTest.AddMinutes(30), "a saved variable holds the instant as ISO text");
    }

    [Fact]
    public void Host_with_a_priority_outside_P1_to_P4_refuses_to_start_naming_the_cell()
    {
        using var app = new ItsmAppFactory();
        app.Settings["Itsm:Itil:PriorityMatrix:High:High"] = "urgent";

        var start = () => app.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("PriorityMatrix:High:High");
    }

    [Fact]
    public async Task Descriptors_api_lists_the_library_with_dropdown_inputs_and_outcome_ports()
    {
        await using var app = new ItsmAppFactory();
        using var client = app.CreateClient();

        var items = (await (await client.GetAsync("/elsa/api/descriptors/activities")).ReadNodeAsync())["items"]!.AsArray();

        var library = items.Where(item => item!["typeName"]!.GetValue<string>().StartsWith("Itsm.", StringComparison.Ordinal)).ToList();
        library.Should().HaveCountGreaterThanOrEqualTo(24);
        var logIncident = library.Single(item => item!["typeName"]!.GetValue<string>() == "Itsm.LogIncident")!;
        var impact = logIncident["inputs"]!.AsArray().Single(input => input!["name"]!.GetValue<string>() == "Impact")!;
        impact["uiHint"]!.GetValue<string>().Should().Be("dropdown");
        impact.ToJsonString().Should().Contain("High").And.Contain("Medium").And.Contain("Low");
        var raiseChange = library.Single(item => item!["typeName"]!.GetValue<string>() == "Itsm.RaiseChange")!;
        raiseChange["ports"]!.AsArray().Select(port => port!["name"]!.GetValue<string>()).Should().Contain(["Approved", "Rejected"]);
    }

    /// <summary>What the survey answer route does: find the survey's bookmark by its token and resume it.</summary>
    private static async Task AnswerSurveyAsync(ItsmAppFactory app, string instanceId, int score)
    {
        var survey = await app.Store.FindRecordAsync(RecordTypes.Survey, $"{instanceId}-survey", default);
        var token = JsonNode.Parse(survey!.DataJson)!["token"]!.GetValue<string>();
        var bookmark = (await app.Store.FindBookmarksAsync(SendSurvey.BookmarkKind, token, null, null, default)).Single();
        bookmark.InstanceId.Should().Be(instanceId);
        var resumed = await app.Runtime.ResumeUnattendedAsync(bookmark.Id, new Dictionary<string, object?> { ["score"] = (long)score, ["comment"] = "ok" }, default);
        resumed.Outcome.Should().Be(Itsm.Orchestrator.Runtime.ResumeOutcome.Resumed);
    }

    private static async Task<JsonNode> RecordAsync(HttpClient client, string type, string id)
    {
        var response = await client.GetAsync($"/api/records/{type}/{id}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["data"]!;
    }
}
