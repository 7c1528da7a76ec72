using System.Net;
using System.Net.Http.Json;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>Sign-out, a new password and new roles end a session on the server: a copy of the old cookie stops working.</summary>
public sealed class SessionEndTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private readonly SecurityTestApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(_admin, "ana", Password, "agent");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Signs in and returns the session cookie as a browser would send it back.</summary>
    private async Task<string> SignInForCookieAsync(string userName, string password)
    {
        using var client = _app.ClientWithoutCookies();
        var response = await SecurityTestApp.SignInAsync(client, userName, password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Itsm.Session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(HttpMethod method, string url, string cookie)
    {
        using var client = _app.ClientWithoutCookies();
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_stops_working_once_its_session_signs_out()
    {
        var cookie = await SignInForCookieAsync("ana", Password);
        (await SendWithCookieAsync(HttpMethod.Get, "/api/me", cookie)).StatusCode.Should().Be(HttpStatusCode.OK);

        var signOut = await SendWithCookieAsync(HttpMethod.Post, "/account/sign-out", cookie);
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await (await SendWithCookieAsync(HttpMethod.Get, "/api/me", cookie)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await SendWithCookieAsync(HttpMethod.Get, "/api/me", await SignInForCookieAsync("ana", Password))).StatusCode
            .Should().Be(HttpStatusCode.OK, "signing in again starts a new session");
    }

    [Fact]
    public async Task Signing_out_ends_the_other_sessions_of_the_same_person_but_not_of_others()
    {
        var laptop = await SignInForCookieAsync("ana", Password);
        var phone = await SignInForCookieAsync("ana", Password);

        await SendWithCookieAsync(HttpMethod.Post, "/account/sign-out", laptop);

        await (await SendWithCookieAsync(HttpMethod.Get, "/api/me", phone)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _admin.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_change_ends_the_session()
    {
        var cookie = await SignInForCookieAsync("ana", Password);

        (await _admin.PutAsJsonAsync("/api/users/ana", new { roles = new[] { "agent", "service desk agent" } })).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await SendWithCookieAsync(HttpMethod.Get, "/api/me", cookie)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_ends_the_session()
    {
        var cookie = await SignInForCookieAsync("ana", Password);

        (await _admin.PutAsJsonAsync("/api/users/ana", new { password = "another-long-password" })).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await SendWithCookieAsync(HttpMethod.Get, "/api/me", cookie)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
