using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Itsm.Orchestrator.Security;

namespace Itsm.Orchestrator.Tests.Security;

public sealed class UsersApiTests : IAsyncLifetime
{
    private readonly SecurityTestApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Create_get_update_list_and_delete()
    {
        var created = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = "dana",
            displayName = "Dana Scully",
            password = "dana-password-123",
            roles = new[] { " Agent ", "network support engineer", "agent" },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.Should().EndWith("/api/users/dana");
        var model = await created.Content.ReadFromJsonAsync<UserModel>();
        model!.Roles.Should().Equal("agent", "network support engineer");
        (await created.Content.ReadAsStringAsync()).Should().NotContainEquivalentOf("password");

        (await _admin.GetFromJsonAsync<UserModel>("/api/users/DANA"))!.DisplayName.Should().Be("Dana Scully");

        var updated = await _admin.PutAsJsonAsync("/api/users/dana", new { displayName = "Dana K. Scully", roles = new[] { "manager" } });
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await updated.Content.ReadFromJsonAsync<UserModel>()).Should().Match<UserModel>(u => u.DisplayName == "Dana K. Scully" && u.Roles.SequenceEqual(new[] { "manager" }));

        var list = await _admin.GetFromJsonAsync<JsonElement>("/api/users");
        list.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()).Should().Equal("admin", "dana");
        list.GetProperty("count").GetInt32().Should().Be(2);

        (await _admin.DeleteAsync("/api/users/dana")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _admin.GetAsync("/api/users/dana")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_short_password_is_a_validation_problem_naming_the_field()
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new { userName = "erin", password = "short", roles = new[] { "agent" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("password");
    }

    [Fact]
    public async Task Every_invalid_field_is_named()
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new { userName = "not a name!", displayName = "", roles = Array.Empty<string>() });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo("userName", "displayName", "password", "roles");
    }

    [Fact]
    public async Task A_blank_role_is_named_by_its_index()
    {
        var response = await _admin.PutAsJsonAsync("/api/users/admin", new { roles = new[] { "admin", " " } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("roles[1]");
    }

    [Fact]
    public async Task A_duplicate_user_name_in_any_case_is_a_409_problem()
    {
        await SecurityTestApp.CreateUserAsync(_admin, "frank", "frank-password-123", "agent");

        var response = await _admin.PostAsJsonAsync("/api/users", new { userName = "Frank", password = "frank-password-456", roles = new[] { "agent" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_deleted_nor_demoted()
    {
        await (await _admin.DeleteAsync("/api/users/admin")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _admin.PutAsJsonAsync("/api/users/admin", new { roles = new[] { "manager" } })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await SecurityTestApp.CreateUserAsync(_admin, "grace", "grace-password-123", "admin");
        (await _admin.DeleteAsync("/api/users/admin")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _admin.GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_users_are_404_problems()
    {
        await (await _admin.PutAsJsonAsync("/api/users/nobody", new { displayName = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _admin.DeleteAsync("/api/users/nobody")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
