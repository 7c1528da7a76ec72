using System.Net;
using System.Net.Http.Json;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>Bounds on account input, on API key strength outside development, and private data files on Unix.</summary>
public sealed class InputLimitTests
{
    private const string Password = "a-long-enough-password";

    [Fact]
    public async Task A_user_with_ten_thousand_roles_is_a_400_naming_roles_and_is_not_created()
    {
        await using var app = new SecurityTestApp();
        var admin = await app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        var roles = Enumerable.Range(0, 10_000).Select(i => "role-" + i).ToArray();

        var response = await admin.PostAsJsonAsync("/api/users", new { userName = "hoarder", password = Password, roles });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("roles");
        errors.GetProperty("roles")[0].GetString().Should().Contain("64");
        (await admin.GetAsync("/api/users/hoarder")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sixty_four_roles_are_accepted_and_a_role_over_100_characters_is_named()
    {
        await using var app = new SecurityTestApp();
        var admin = await app.SignedInAsync("admin", SecurityTestApp.AdminPassword);

        (await admin.PostAsJsonAsync("/api/users", new { userName = "busy", password = Password, roles = Enumerable.Range(0, 64).Select(i => "role-" + i) }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var tooLong = await admin.PutAsJsonAsync("/api/users/busy", new { roles = new[] { "agent", new string('r', 101) } });
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("roles[1]", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_short_api_key_stops_a_production_host_at_start_up_with_a_clear_error()
    {
        await using var app = new SecurityTestApp(apiKey: "short-key-0123456789", environment: "Production");

        var start = () => app.Client();

        start.Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("Itsm:ApiKeys:0").And.Contain("at least 32");
    }

    [Fact]
    public async Task A_long_api_key_starts_a_production_host()
    {
        await using var app = new SecurityTestApp(environment: "Production");

        (await app.ClientWithKey(SecurityTestApp.ApiKey).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task On_unix_the_data_folder_and_its_secrets_are_private_to_the_service_account()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has no Unix modes; its ACLs are the operator's to set.
        }

        // No key and no admin password configured: both are generated into the data folder.
        await using var app = new SecurityTestApp(apiKey: null, adminPassword: null);
        (await app.Client().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        File.GetUnixFileMode(app.DataPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The SQLite file is a secret of the data folder too; a PostgreSQL database is the server's to guard.
        string[] secrets = TestDatabase.IsSqlite ? ["itsm.db", "admin-password.txt", "dev-api-key.txt"] : ["admin-password.txt", "dev-api-key.txt"];
        foreach (var file in secrets)
        {
            File.GetUnixFileMode(Path.Combine(app.DataPath, file)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }
    }
}
