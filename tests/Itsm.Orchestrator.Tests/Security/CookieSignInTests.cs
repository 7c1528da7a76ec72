using System.Net;
using System.Net.Http.Json;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Security;

public sealed class CookieSignInTests : IAsyncLifetime
{
    private readonly SecurityTestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_sign_in_form_is_anonymous_self_contained_html()
    {
        var response = await _app.Client().GetAsync("/account/sign-in?returnUrl=%2Fapi%2Fme");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
        html.Should().Contain("name=\"userName\"").And.Contain("name=\"password\"").And.Contain("value=\"/api/me\"");
        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("http://").And.NotContain("https://");
    }

    [Fact]
    public async Task Admin_signs_in_with_a_cookie_and_may_list_users()
    {
        var client = _app.Client();

        var signIn = await SecurityTestApp.SignInAsync(client, "admin", SecurityTestApp.AdminPassword, "/api/me");
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.Should().Be("/api/me");

        var users = await client.GetAsync("/api/users");
        users.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await users.Content.ReadAsStringAsync();
        body.Should().Contain("\"userName\":\"admin\"").And.NotContainEquivalentOf("hash");

        var me = await client.GetFromJsonAsync<CurrentPrincipalModel>("/api/me");
        me.Should().BeEquivalentTo(new CurrentPrincipalModel("admin", "Administrator", PrincipalKinds.User, [ItsmRoles.Admin]));
    }

    [Fact]
    public async Task A_sign_in_cookie_is_accepted_by_another_host_on_the_same_database()
    {
        // The Data Protection keys that encrypt the cookie live in the database: a host started later (a restart,
        // or a second node behind a load balancer) decrypts a cookie the first one issued.
        var signIn = await SecurityTestApp.SignInAsync(_app.ClientWithoutCookies(), "admin", SecurityTestApp.AdminPassword);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(header => header.Split(';')[0]));

        await using var other = new SecurityTestApp(dataPath: _app.DataPath);
        var client = other.ClientWithoutCookies();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var me = await client.GetAsync("/api/me");

        me.StatusCode.Should().Be(HttpStatusCode.OK, await me.Content.ReadAsStringAsync());
        (await me.Content.ReadFromJsonAsync<CurrentPrincipalModel>())!.Name.Should().Be("admin");
        // In the database, not in the data folder both hosts happen to share here (nodes don't share a folder).
        Directory.Exists(Path.Combine(_app.DataPath, "keys")).Should().BeFalse();
        await using var scope = other.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ItsmDbContext>().DataProtectionKeys.CountAsync()).Should().BePositive();
    }

    [Fact]
    public async Task User_names_are_case_insensitive_at_sign_in()
    {
        var signIn = await SecurityTestApp.SignInAsync(_app.Client(), "ADMIN", SecurityTestApp.AdminPassword);

        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_wrong_password_re_renders_the_form_with_401_and_sets_no_cookie()
    {
        var client = _app.Client();

        var signIn = await SecurityTestApp.SignInAsync(client, "admin", "wrong-password-123");

        signIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await signIn.Content.ReadAsStringAsync()).Should().Contain("The user name or password is incorrect.").And.Contain("value=\"admin\"");
        signIn.Headers.Contains("Set-Cookie").Should().BeFalse();
        await (await client.GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_user_fails_like_a_wrong_password()
    {
        var signIn = await SecurityTestApp.SignInAsync(_app.Client(), "nobody", "whatever-password");

        signIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_external_return_url_is_replaced_by_the_root()
    {
        var signIn = await SecurityTestApp.SignInAsync(_app.Client(), "admin", SecurityTestApp.AdminPassword, "https://evil.example/");

        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        var client = _app.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = SecurityTestApp.AdminPassword }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task Sign_out_clears_the_cookie()
    {
        var client = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        (await client.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);

        var signOut = await client.PostAsync("/account/sign-out", content: null);

        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signOut.Headers.Location!.OriginalString.Should().Be("/account/sign-in");
        await (await client.GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_agent_is_forbidden_on_admin_routes_and_carries_its_itil_role()
    {
        var admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(admin, "alice", "alice-password-123", "agent", "network support engineer");

        var alice = await _app.SignedInAsync("alice", "alice-password-123");

        await (await alice.GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var me = await alice.GetFromJsonAsync<CurrentPrincipalModel>("/api/me");
        me!.Roles.Should().Equal("agent", "network support engineer");
    }

    [Fact]
    public async Task A_deleted_user_loses_the_session_at_once_and_changed_roles_end_it()
    {
        var admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(admin, "bob", "bob-password-1234", "agent");
        var bob = await _app.SignedInAsync("bob", "bob-password-1234");

        (await admin.PutAsJsonAsync("/api/users/bob", new { displayName = "Bob B." })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bob.GetFromJsonAsync<CurrentPrincipalModel>("/api/me"))!.DisplayName.Should().Be("Bob B.", "other changes apply to the open session");

        (await admin.PutAsJsonAsync("/api/users/bob", new { roles = new[] { "manager" } })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await bob.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        bob = await _app.SignedInAsync("bob", "bob-password-1234");
        (await bob.GetFromJsonAsync<CurrentPrincipalModel>("/api/me"))!.Roles.Should().Equal("manager");

        (await admin.DeleteAsync("/api/users/bob")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await bob.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_changed_password_ends_other_sessions()
    {
        var admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(admin, "carol", "carol-password-123", "agent");
        var carol = await _app.SignedInAsync("carol", "carol-password-123");

        (await admin.PutAsJsonAsync("/api/users/carol", new { password = "carol-password-456" })).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await carol.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await SecurityTestApp.SignInAsync(_app.Client(), "carol", "carol-password-123")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await _app.SignedInAsync("carol", "carol-password-456");
    }
}
