using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>Resume by token reaches only callback waits, and tokens are shown only to those who may work.</summary>
public sealed class ResumeTokenTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private readonly SecurityTestApp _app = new();
    private HttpClient _system = null!;

    public async Task InitializeAsync()
    {
        _system = _app.ClientWithKey(SecurityTestApp.ApiKey);
        var admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(admin, "rita", Password, "service desk agent");
        await SecurityTestApp.CreateUserAsync(admin, "ana", Password, "agent");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IWorkflowStore Store => _app.Services.GetRequiredService<IWorkflowStore>();

    /// <summary>Waits for a vendor's reply (Elsa.Event) and keeps the callback URL handed out for it in a variable.</summary>
    private async Task<string> StartVendorCallbackAsync()
    {
        var flow = new FlowBuilder("vendor-callback")
            .Variable("CallbackUrl", "String")
            .Activity("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Obj("String[]", "[\"Wait\",\"Notify\"]")))
            .Activity("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("String", "vendor-reply")))
            .Activity("notify", "Elsa.SetVariable", ("variable", FlowBuilder.VariableRef("CallbackUrl", "String")), ("value", FlowBuilder.Js("Object", "getResumeUrl('wait')")))
            .Connect("fork", "wait", "Wait").Connect("fork", "notify", "Notify");
        await _system.SaveAsync(flow, publish: true);
        return await _system.ExecuteAsync("vendor-callback");
    }

    private async Task<string> BookmarkIdAsync(string instanceId)
        => (await Store.ListBookmarksOfInstanceAsync(instanceId, CancellationToken.None)).Should().ContainSingle().Subject.Id;

    [Fact]
    public async Task A_task_id_used_as_a_resume_token_is_a_409_and_the_task_stays_open()
    {
        await _system.SaveAsync(ApiFlow.Task(), publish: true);
        var instanceId = await _system.ExecuteAsync("triage");
        var taskId = await BookmarkIdAsync(instanceId);

        var response = await _system.PostJsonAsync($"/elsa/api/bookmarks/resume?t={taskId}", new JsonObject { ["result"] = "P1" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("task");
        (await Store.FindBookmarkAsync(taskId, CancellationToken.None)).Should().NotBeNull("nothing was resumed");
    }

    [Fact]
    public async Task A_delay_cannot_be_cut_short_by_its_token()
    {
        var flow = new FlowBuilder("cool-off").Activity("wait", "Elsa.Delay", ("timeSpan", FlowBuilder.Literal("TimeSpan", "01:00:00")));
        await _system.SaveAsync(flow, publish: true);
        var instanceId = await _system.ExecuteAsync("cool-off");
        var timerId = await BookmarkIdAsync(instanceId);

        var response = await _system.PostJsonAsync($"/elsa/api/bookmarks/resume?t={timerId}", null);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().Should().Contain("timer");
        (await Store.FindBookmarkAsync(timerId, CancellationToken.None)).Should().NotBeNull();
        (await (await _system.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}")).ReadNodeAsync())["subStatus"]!.GetValue<string>().Should().Be("Suspended");
    }

    [Fact]
    public async Task A_reader_without_the_work_role_sees_neither_bookmark_ids_nor_callback_urls()
    {
        var instanceId = await StartVendorCallbackAsync();
        var token = await BookmarkIdAsync(instanceId);
        var rita = await _app.SignedInAsync("rita", Password);

        var instance = await rita.GetStringAsync($"{ApiClientExtensions.Instances}/{instanceId}");
        var variables = await rita.GetStringAsync($"{ApiClientExtensions.Instances}/{instanceId}/variables");

        var journal = await rita.GetStringAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal");
        var executions = await rita.GetStringAsync($"/elsa/api/activity-executions/list?workflowInstanceId={instanceId}");

        instance.Should().NotContain(token);
        variables.Should().NotContain(token);
        journal.Should().NotContain(token);
        executions.Should().NotContain(token);
        var state = JsonDocument.Parse(instance).RootElement.GetProperty("workflowState");
        var bookmark = state.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Subject;
        bookmark.TryGetProperty("id", out _).Should().BeFalse();
        bookmark.GetProperty("activityId").GetString().Should().Be("wait", "what an instance waits for stays visible");
        state.GetProperty("variables").GetProperty("CallbackUrl").GetString().Should().Be("/elsa/api/bookmarks/resume?t=(hidden)");
    }

    [Fact]
    public async Task An_agent_sees_the_tokens_and_the_callback_resumes_the_wait()
    {
        var instanceId = await StartVendorCallbackAsync();
        var token = await BookmarkIdAsync(instanceId);
        var ana = await _app.SignedInAsync("ana", Password);

        var instance = await ana.GetStringAsync($"{ApiClientExtensions.Instances}/{instanceId}");
        instance.Should().Contain(token);

        var reply = await _system.PostJsonAsync($"/elsa/api/bookmarks/resume?t={token}", new JsonObject { ["fixed"] = true });
        reply.StatusCode.Should().Be(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        var journal = await _system.GetFromJsonAsync<JsonElement>($"{ApiClientExtensions.Instances}/{instanceId}/journal");
        journal.GetProperty("items").EnumerateArray().Should().Contain(row =>
            row.GetProperty("activityId").GetString() == "wait" && row.GetProperty("eventName").GetString() == "Completed"
            && row.GetProperty("actor").GetString() == "key-0");
    }
}
