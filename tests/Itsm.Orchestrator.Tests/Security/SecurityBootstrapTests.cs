using System.Net;
using Itsm.Orchestrator.Security;

namespace Itsm.Orchestrator.Tests.Security;

public sealed class SecurityBootstrapTests
{
    [Fact]
    public async Task Without_configured_keys_a_development_key_is_generated_once_and_reused_by_the_next_host()
    {
        await using var first = new SecurityTestApp(apiKey: null);
        var keyFile = Path.Combine(first.DataPath, ApiKeyRing.DevelopmentKeyFileName);
        (await first.ClientWithKey("anything").GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();
        key.Should().HaveLength(43);
        (await first.ClientWithKey(key).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var second = new SecurityTestApp(apiKey: null, dataPath: first.DataPath);
        (await second.ClientWithKey(key).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await File.ReadAllTextAsync(keyFile)).Trim().Should().Be(key);
    }

    [Fact]
    public async Task Configured_keys_replace_the_development_key()
    {
        await using var app = new SecurityTestApp();

        (await app.ClientWithKey(SecurityTestApp.ApiKey).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(Path.Combine(app.DataPath, ApiKeyRing.DevelopmentKeyFileName)).Should().BeFalse();
    }

    [Fact]
    public async Task Without_an_admin_password_one_is_generated_into_the_data_folder_and_never_overwritten()
    {
        await using var first = new SecurityTestApp(adminPassword: null);
        _ = first.Services; // start: migrate, then bootstrap
        var passwordFile = Path.Combine(first.DataPath, SecurityBootstrapper.AdminPasswordFileName);
        var password = (await File.ReadAllTextAsync(passwordFile)).Trim();
        password.Length.Should().BeGreaterThanOrEqualTo(SecurityBootstrapper.MinPasswordLength);
        await first.SignedInAsync("admin", password);

        // A later start with a configured password finds the account and leaves it (and the file) alone.
        await using var second = new SecurityTestApp(adminPassword: "another-password-123", dataPath: first.DataPath);
        await second.SignedInAsync("admin", password);
        (await SecurityTestApp.SignInAsync(second.Client(), "admin", "another-password-123")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await File.ReadAllTextAsync(passwordFile)).Trim().Should().Be(password);
    }

    [Fact]
    public async Task A_configured_admin_password_writes_no_file()
    {
        await using var app = new SecurityTestApp();

        await app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        File.Exists(Path.Combine(app.DataPath, SecurityBootstrapper.AdminPasswordFileName)).Should().BeFalse();
    }
}
