using System.Net;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>
/// The records behind Studio's instance viewer panels: each step's evaluated inputs (<c>activityState</c>), its
/// outputs, the ports it left through (<c>payload.Outcomes</c>) and its fault, plus one record for the root flowchart.
/// </summary>
public sealed class ActivityExecutionRecordsApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static FlowBuilder Observed() => new FlowBuilder("observed", "Observed")
        .Activity("start", "Elsa.Start")
        .Activity("log", "Itsm.LogIncident", ("title", Literal("String", "Printer on fire")), ("requester", Js("String", "'ana' + '@example.com'")))
        .Activity("decide", "Elsa.FlowDecision", ("condition", Js("Boolean", "1 < 2")))
        .Activity("triage", "Elsa.RunTask", ("taskName", Literal("String", "Triage")), ("role", Literal("String", "agent")),
            ("title", Literal("String", "Triage the incident")))
        .Activity("end", "Elsa.End")
        .Chain("start", "log", "decide")
        .Connect("decide", "triage", "True")
        .Connect("triage", "end");

    [Fact]
    public async Task Each_record_carries_the_steps_evaluated_inputs_outputs_and_outcomes()
    {
        await Client.SaveAsync(Observed(), publish: true);
        var instanceId = await Client.ExecuteAsync("observed");

        var log = await SingleAsync(instanceId, "log");
        var decide = await SingleAsync(instanceId, "decide");
        var triage = await SingleAsync(instanceId, "triage");

        log["activityState"]!["Title"]!.GetValue<string>().Should().Be("Printer on fire");
        log["activityState"]!["Requester"]!.GetValue<string>().Should().Be("ana@example.com", "the script's value, not its text");
        log["outputs"]!["Number"]!.GetValue<string>().Should().Be("INC0000001");
        log["outputs"]!["RecordId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        log["payload"]!["Outcomes"].Strings().Should().Equal("Done");
        decide["activityState"]!["Condition"]!.GetValue<bool>().Should().BeTrue();
        decide["payload"]!["Outcomes"].Strings().Should().Equal("True");
        triage["status"]!.GetValue<string>().Should().Be("Running");
        triage["hasBookmarks"]!.GetValue<bool>().Should().BeTrue();
        triage["activityState"]!["Title"]!.GetValue<string>().Should().Be("Triage the incident");
        triage["exception"].Should().BeNull();

        var byId = await (await Client.GetAsync($"/elsa/api/activity-executions/by-id?id={Uri.EscapeDataString(log["id"]!.GetValue<string>())}")).ReadNodeAsync();
        byId["activityState"]!["Title"]!.GetValue<string>().Should().Be("Printer on fire");
        byId["outputs"]!["Number"]!.GetValue<string>().Should().Be("INC0000001");
    }

    [Fact]
    public async Task The_journal_keeps_only_evaluated_inputs_and_the_records_add_the_literals_from_the_definition()
    {
        await Client.SaveAsync(new FlowBuilder("mixed", "Mixed")
            .Variable("Who", "String")
            .Activity("start", "Elsa.Start")
            .Activity("who", "Elsa.SetVariable", ("variable", VariableRef("Who")), ("value", Literal("String", "ana")))
            .Activity("log", "Itsm.LogIncident", ("title", Literal("String", "Printer on fire")), ("requester", Js("String", "variables.Who + '@example.com'")))
            .Activity("triage", "Elsa.RunTask", ("taskName", Literal("String", "Triage")), ("role", Literal("String", "agent")))
            .Chain("start", "who", "log", "triage"), publish: true);
        var instanceId = await Client.ExecuteAsync("mixed");

        var journal = await _host.Factory.Queries.ListJournalAsync(instanceId, 0, 100, default);
        var kept = journal.Where(row => row.ActivityId == "log" && row.Data is not null)
            .Select(row => JsonNode.Parse(row.Data!)![Itsm.Activities.Engine.JournalDataKeys.Inputs]).OfType<JsonObject>().Single();
        kept.Select(pair => pair.Key).Should().Equal(["requester"], "a script's value is known only once it ran; a literal is in the definition already");
        journal.Where(row => row.ActivityId == "triage").Should().OnlyContain(row => row.Data == null || !row.Data.Contains(Itsm.Activities.Engine.JournalDataKeys.Inputs, StringComparison.Ordinal),
            "a step with literal inputs only keeps none");

        var log = await SingleAsync(instanceId, "log");
        log["activityState"]!["Title"]!.GetValue<string>().Should().Be("Printer on fire");
        log["activityState"]!["Requester"]!.GetValue<string>().Should().Be("ana@example.com");
        (await SingleAsync(instanceId, "triage"))["activityState"]!["Role"]!.GetValue<string>().Should().Be("agent");
    }

    [Fact]
    public async Task The_root_flowchart_has_its_own_record_that_follows_the_instance()
    {
        await Client.SaveAsync(Observed(), publish: true);
        var instanceId = await Client.ExecuteAsync("observed");

        var running = await ListAsync(instanceId, "Workflow1:root");
        var taskId = (await (await Client.GetAsync("/api/tasks?role=agent")).ReadNodeAsync())["items"]![0]!["id"]!.GetValue<string>();
        (await Client.PostJsonAsync($"/elsa/api/tasks/{taskId}/complete", new JsonObject { ["result"] = "done" })).EnsureSuccessStatusCode();
        var finished = await ListAsync(instanceId, "Workflow1:root");
        var report = await (await Client.PostJsonAsync("/elsa/api/activity-executions/report",
            new JsonObject { ["workflowInstanceId"] = instanceId, ["activityNodeIds"] = new JsonArray("Workflow1:root") })).ReadNodeAsync();

        var root = running.Should().ContainSingle().Subject!;
        root["activityType"]!.GetValue<string>().Should().Be("Elsa.Flowchart");
        root["activityId"]!.GetValue<string>().Should().Be("root");
        root["status"]!.GetValue<string>().Should().Be("Running");
        root["hasBookmarks"]!.GetValue<bool>().Should().BeTrue();
        root["completedAt"].Should().BeNull();
        var done = finished.Should().ContainSingle().Subject!;
        done["status"]!.GetValue<string>().Should().Be("Completed");
        done["completedAt"].Should().NotBeNull();
        report["stats"]![0]!["completedCount"]!.GetValue<long>().Should().Be(1);
        var byId = await Client.GetAsync($"/elsa/api/activity-executions/by-id?id={Uri.EscapeDataString(done["id"]!.GetValue<string>())}");
        byId.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_faulted_step_has_its_exception_and_inputs_and_the_root_is_faulted()
    {
        await Client.SaveAsync(ApiFlow.Faulting(), publish: true);
        var execute = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/broken/execute", new JsonObject { ["versionOptions"] = "Published" });
        var instanceId = execute.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var fail = await SingleAsync(instanceId, "fail");
        var root = (await ListAsync(instanceId, "Workflow1:root")).Single()!;

        fail["status"]!.GetValue<string>().Should().Be("Faulted");
        fail["exception"]!["message"]!.GetValue<string>().Should().Contain("boom");
        fail["exception"]!["type"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        fail["activityState"]!["Message"]!.GetValue<string>().Should().Be("boom");
        root["status"]!.GetValue<string>().Should().Be("Faulted");
        root["aggregateFaultCount"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_large_input_is_kept_only_as_its_start()
    {
        var big = new string('x', 50_000);
        await Client.SaveAsync(new FlowBuilder("big", "Big")
            .Activity("start", "Elsa.Start")
            .Activity("log", "Elsa.WriteLine", ("text", Literal("String", big)))
            .Chain("start", "log"), publish: true);
        var instanceId = await Client.ExecuteAsync("big");

        var text = (await SingleAsync(instanceId, "log"))["activityState"]!["Text"]!.GetValue<string>();

        text.Length.Should().BeLessThan(2_000);
        text.Should().StartWith("\"xxxx").And.EndWith("…");
    }

    [Fact]
    public async Task A_survey_keeps_no_inputs_or_outputs_and_its_token_is_never_journaled()
    {
        await Client.SaveAsync(new FlowBuilder("ask", "Ask")
            .Activity("start", "Elsa.Start")
            .Activity("survey", "Itsm.SendSurvey", ("recipient", Literal("String", "ana@example.com")), ("question", Literal("String", "How did we do?")))
            .Activity("end", "Elsa.End")
            .Chain("start", "survey")
            .Connect("survey", "end", "Answered")
            .Connect("survey", "end", "LowScore"), publish: true);
        var instanceId = await Client.ExecuteAsync("ask");
        var record = await _host.Factory.Store.FindRecordAsync("survey", $"{instanceId}-survey", default);
        var token = JsonNode.Parse(record!.DataJson)!["token"]!.GetValue<string>();
        using var respondent = _host.Factory.CreateClient();
        respondent.DefaultRequestHeaders.Authorization = null;
        (await respondent.PostJsonAsync("/api/surveys/answer", new JsonObject { ["token"] = token, ["score"] = 5, ["comment"] = "quick fix" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        var executions = await (await Client.GetAsync($"/elsa/api/activity-executions/list?workflowInstanceId={instanceId}")).Content.ReadAsStringAsync();
        var journal = await (await Client.PostJsonAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal?skip=0&take=100", new JsonObject())).Content.ReadAsStringAsync();
        var survey = await SingleAsync(instanceId, "survey");

        executions.Should().NotContain(token).And.NotContain("ana@example.com").And.NotContain("quick fix");
        journal.Should().NotContain(token);
        survey["activityState"].Should().BeNull();
        survey["outputs"].Should().BeNull();
        survey["payload"]!["Outcomes"].Strings().Should().Equal("Answered");
    }

    private async Task<JsonArray> ListAsync(string instanceId, string nodeId)
    {
        var response = await Client.GetAsync($"/elsa/api/activity-executions/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Uri.EscapeDataString(nodeId)}");
        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return body["items"]!.AsArray();
    }

    private async Task<JsonNode> SingleAsync(string instanceId, string activityId)
        => (await ListAsync(instanceId, $"Workflow1:root:{activityId}")).Should().ContainSingle().Subject!;
}
