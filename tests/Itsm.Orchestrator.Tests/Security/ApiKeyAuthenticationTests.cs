using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Itsm.Orchestrator.Security;

namespace Itsm.Orchestrator.Tests.Security;

public sealed class ApiKeyAuthenticationTests : IAsyncLifetime
{
    private readonly SecurityTestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task No_credentials_on_an_api_route_is_a_401_problem_not_a_redirect()
    {
        var response = await _app.Client().GetAsync("/api/users");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("ApiKey");
        response.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_problem_that_says_so()
    {
        var response = await _app.ClientWithKey("not-the-key").GetAsync("/api/me");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().Should().Contain("API key is not valid");
    }

    [Fact]
    public async Task A_bearer_token_is_not_a_credential_yet()
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecurityTestApp.ApiKey);

        await (await client.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_key_is_a_system_principal_that_may_read_but_not_manage_accounts()
    {
        var client = _app.ClientWithKey(SecurityTestApp.ApiKey);

        var me = await client.GetFromJsonAsync<CurrentPrincipalModel>("/api/me");
        me!.Kind.Should().Be(PrincipalKinds.System);
        me.Name.Should().Be("key-0", "an API key acts under a name derived from its position in Itsm:ApiKeys");
        me.Roles.Should().BeEquivalentTo(ItsmRoles.ProcessOwner, ItsmRoles.Manager, ItsmRoles.Agent);

        var problem = await (await client.GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("title").GetString().Should().Be("Forbidden");
    }

    [Fact]
    public async Task The_scheme_word_is_case_insensitive()
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "apikey " + SecurityTestApp.ApiKey);

        (await client.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_stays_anonymous()
    {
        var response = await _app.Client().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_browser_page_redirects_to_the_sign_in_form_with_the_return_url()
    {
        var response = await _app.Client().GetAsync("/somewhere?x=1");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in?returnUrl=%2Fsomewhere%3Fx%3D1");
    }
}
