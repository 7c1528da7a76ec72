using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>Who may complete a task (its role, or a supervisor), and that the journal names who did.</summary>
public sealed class TaskCompletionAuthorizationTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private readonly SecurityTestApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(_admin, "ana", Password, "agent", "Service Desk Agent");
        await SecurityTestApp.CreateUserAsync(_admin, "nils", Password, "agent", "network support engineer");
        await SecurityTestApp.CreateUserAsync(_admin, "mia", Password, "manager");
        await SecurityTestApp.CreateUserAsync(_admin, "sam", Password, "service desk agent");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Starts incident-intake by webhook; returns the instance and its triage task (role "service desk agent").</summary>
    private async Task<(string InstanceId, string TaskId)> StartIncidentAsync()
    {
        using var anonymous = _app.Client();
        var started = await anonymous.PostAsJsonAsync("/workflows/incidents", new { title = "Warehouse WiFi down", priority = "P2" });
        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
        var inbox = await _admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}");
        var task = inbox.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        task.GetProperty("role").GetString().Should().Be("service desk agent");
        return (instanceId, task.GetProperty("id").GetString()!);
    }

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string taskId)
        => client.PostAsJsonAsync($"/elsa/api/tasks/{taskId}/complete", new { result = new { notes = "done" } });

    private async Task<List<JsonElement>> JournalAsync(string instanceId)
    {
        var journal = await _admin.GetFromJsonAsync<JsonElement>($"/elsa/api/workflow-instances/{instanceId}/journal");
        return journal.GetProperty("items").EnumerateArray().ToList();
    }

    private static bool HasActor(JsonElement row) => row.TryGetProperty("actor", out var actor) && actor.ValueKind != JsonValueKind.Null;

    private static JsonElement TriageCompleted(List<JsonElement> journal) => journal.Single(row =>
        row.GetProperty("activityId").GetString() == "triage" && row.GetProperty("eventName").GetString() == "Completed");

    [Fact]
    public async Task An_agent_without_the_tasks_role_gets_403_and_the_task_stays_open()
    {
        var (instanceId, taskId) = await StartIncidentAsync();
        var nils = await _app.SignedInAsync("nils", Password);

        var response = await CompleteAsync(nils, taskId);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString().Should().Contain("service desk agent");
        (await _app.Services.GetRequiredService<IWorkflowStore>().FindBookmarkAsync(taskId, CancellationToken.None)).Should().NotBeNull("nothing was resumed");
        (await _admin.GetFromJsonAsync<JsonElement>($"/elsa/api/workflow-instances/{instanceId}")).GetProperty("subStatus").GetString().Should().Be("Suspended");
        (await JournalAsync(instanceId)).Should().NotContain(row =>
            row.GetProperty("activityId").GetString() == "triage" && row.GetProperty("eventName").GetString() == "Completed");
    }

    [Fact]
    public async Task A_person_with_the_itil_role_but_not_the_agent_role_may_not_work()
    {
        var (_, taskId) = await StartIncidentAsync();
        var sam = await _app.SignedInAsync("sam", Password);

        await (await CompleteAsync(sam, taskId)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await _app.Services.GetRequiredService<IWorkflowStore>().FindBookmarkAsync(taskId, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task The_holder_of_the_role_completes_it_in_any_case_and_the_journal_names_them()
    {
        var (instanceId, taskId) = await StartIncidentAsync();
        var ana = await _app.SignedInAsync("ana", Password);

        var response = await CompleteAsync(ana, taskId);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var journal = await JournalAsync(instanceId);
        TriageCompleted(journal).GetProperty("actor").GetString().Should().Be("ana");
        var executions = await _admin.GetFromJsonAsync<JsonElement>($"/elsa/api/activity-executions/list?workflowInstanceId={instanceId}");
        executions.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("activityId").GetString() == "triage")
            .GetProperty("payload").GetProperty("actor").GetString().Should().Be("ana", "Studio's execution view reads the same payload");
        journal.Where(row => row.GetProperty("activityId").GetString() == "receive").Should()
            .OnlyContain(row => !HasActor(row), "the webhook start was nobody's resume");
    }

    [Fact]
    public async Task A_manager_may_complete_a_task_of_any_role()
    {
        var (instanceId, taskId) = await StartIncidentAsync();
        var mia = await _app.SignedInAsync("mia", Password);

        (await CompleteAsync(mia, taskId)).StatusCode.Should().Be(HttpStatusCode.OK);
        TriageCompleted(await JournalAsync(instanceId)).GetProperty("actor").GetString().Should().Be("mia");
    }

    [Fact]
    public async Task An_api_key_completes_as_a_system_named_after_its_key()
    {
        var (instanceId, taskId) = await StartIncidentAsync();
        var system = _app.ClientWithKey(SecurityTestApp.ApiKey);

        (await CompleteAsync(system, taskId)).StatusCode.Should().Be(HttpStatusCode.OK);
        TriageCompleted(await JournalAsync(instanceId)).GetProperty("actor").GetString().Should().Be("key-0");
    }
}
