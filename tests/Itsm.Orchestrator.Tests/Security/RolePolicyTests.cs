using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>What each kind of person may do, through the real API with cookie sign-in.</summary>
public sealed class RolePolicyTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private readonly SecurityTestApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(_admin, "ana", Password, "agent", "service desk agent");
        await SecurityTestApp.CreateUserAsync(_admin, "nils", Password, "agent", "network support engineer");
        await SecurityTestApp.CreateUserAsync(_admin, "mia", Password, "manager");
        await SecurityTestApp.CreateUserAsync(_admin, "pete", Password, "process-owner");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> StartIncidentAsync()
    {
        using var anonymous = _app.Client();
        var response = await anonymous.PostAsJsonAsync("/workflows/incidents", new { title = "Warehouse WiFi down", priority = "P2" });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, "webhooks are open by default");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
    }

    [Fact]
    public async Task Agent_sees_the_tasks_of_the_roles_they_perform_and_may_complete_them()
    {
        await StartIncidentAsync();
        var ana = await _app.SignedInAsync("ana", Password);
        var nils = await _app.SignedInAsync("nils", Password);

        var anasInbox = await ana.GetFromJsonAsync<JsonElement>("/api/tasks");
        var nilsInbox = await nils.GetFromJsonAsync<JsonElement>("/api/tasks");

        var task = anasInbox.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        task.GetProperty("role").GetString().Should().Be("service desk agent");
        nilsInbox.GetProperty("items").GetArrayLength().Should().Be(0, "the triage task is for the service desk, not network support");
        var complete = await ana.PostAsJsonAsync($"/elsa/api/tasks/{task.GetProperty("id").GetString()}/complete", new { result = new { assignee = "ana" } });
        complete.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Agent_may_read_definitions_but_gets_them_without_a_publish_link_and_may_not_save()
    {
        var ana = await _app.SignedInAsync("ana", Password);

        var definition = await ana.GetFromJsonAsync<JsonElement>("/elsa/api/workflow-definitions/by-definition-id/incident-intake");
        var save = await ana.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = new { name = "x" }, publish = false });

        definition.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).Should().NotContain("publish");
        save.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await save.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Process_owner_gets_the_publish_link_and_may_save()
    {
        var pete = await _app.SignedInAsync("pete", Password);

        var definition = await pete.GetFromJsonAsync<JsonElement>("/elsa/api/workflow-definitions/by-definition-id/incident-intake");

        definition.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).Should().Contain("publish");
        var model = definition.Clone();
        var save = await pete.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = false });
        save.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Manager_may_cancel_an_instance_and_an_agent_may_not()
    {
        var instanceId = await StartIncidentAsync();
        var ana = await _app.SignedInAsync("ana", Password);
        var mia = await _app.SignedInAsync("mia", Password);

        var byAgent = await ana.PostAsync($"/api/instances/{instanceId}/cancel", null);
        var byManager = await mia.PostAsync($"/api/instances/{instanceId}/cancel", null);

        byAgent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byManager.StatusCode.Should().Be(HttpStatusCode.OK);
        var instance = await ana.GetFromJsonAsync<JsonElement>($"/elsa/api/workflow-instances/{instanceId}");
        instance.GetProperty("subStatus").GetString().Should().Be("Cancelled", "anyone signed in may read instances");
    }
}
