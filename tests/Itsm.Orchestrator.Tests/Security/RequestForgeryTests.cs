using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Itsm.Orchestrator.Tests.Api;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>Cross-site requests with a sign-in cookie, non-JSON bodies and state-changing GETs are refused.</summary>
public sealed class RequestForgeryTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private readonly SecurityTestApp _app = new();
    private HttpClient _admin = null!;
    private HttpClient _mia = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(_admin, "mia", Password, "manager");
        _mia = await _app.SignedInAsync("mia", Password);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> StartIncidentAsync()
    {
        using var anonymous = _app.Client();
        var response = await anonymous.PostAsJsonAsync("/workflows/incidents", new { title = "Warehouse WiFi down", priority = "P2" });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
    }

    private static HttpRequestMessage Cancel(string instanceId, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instanceId}/cancel");
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    private async Task<string> SubStatusAsync(string instanceId)
        => (await _admin.GetFromJsonAsync<JsonElement>($"{ApiClientExtensions.Instances}/{instanceId}")).GetProperty("subStatus").GetString()!;

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task A_cross_site_request_with_a_sign_in_cookie_is_a_403_and_changes_nothing(string header, string value)
    {
        var instanceId = await StartIncidentAsync();

        var response = await _mia.SendAsync(Cancel(instanceId, header, value));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString().Should().Contain("Itsm's own pages");
        (await SubStatusAsync(instanceId)).Should().Be("Suspended");
    }

    [Fact]
    public async Task The_same_request_from_itsms_own_origin_is_carried_out()
    {
        var instanceId = await StartIncidentAsync();

        var response = await _mia.SendAsync(Cancel(instanceId, "Origin", "http://localhost"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await SubStatusAsync(instanceId)).Should().Be("Cancelled");
    }

    [Fact]
    public async Task An_api_key_caller_is_not_subject_to_the_origin_check()
    {
        var instanceId = await StartIncidentAsync();

        var response = await _app.ClientWithKey(SecurityTestApp.ApiKey).SendAsync(Cancel(instanceId, "Origin", "https://evil.example"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SubStatusAsync(instanceId)).Should().Be("Cancelled");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_is_a_415_and_creates_nothing(string contentType)
    {
        var body = new StringContent("""{"userName":"eve","password":"a-long-enough-password","roles":["admin"]}""", Encoding.UTF8);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await _admin.PostAsync("/api/users", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("detail").GetString().Should().Contain("application/json");
        (await _admin.GetAsync("/api/users/eve")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_api_key_caller_must_send_json_too()
    {
        var instanceId = await StartIncidentAsync();
        var request = Cancel(instanceId, "X-Ignored", "1");
        request.Content = new StringContent("reason=none", Encoding.UTF8, "text/plain");

        var response = await _app.ClientWithKey(SecurityTestApp.ApiKey).SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await SubStatusAsync(instanceId)).Should().Be("Suspended");
    }

    [Fact]
    public async Task A_get_that_runs_a_workflow_is_refused_to_a_signed_in_person_and_starts_nothing()
    {
        var before = await _admin.InstanceCountAsync();

        var response = await _admin.GetAsync($"{ApiClientExtensions.Definitions}/incident-intake/execute");

        (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString().Should().Contain("POST");
        (await _admin.InstanceCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_get_that_resumes_a_callback_is_refused_to_a_signed_in_person()
    {
        var response = await _admin.GetAsync("/elsa/api/bookmarks/resume?t=0193d6a0-0000-7000-8000-000000000000");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
