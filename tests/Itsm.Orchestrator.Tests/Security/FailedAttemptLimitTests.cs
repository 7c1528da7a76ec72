using System.Net;
using System.Net.Http.Headers;
using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>Failed sign-ins and wrong API keys are limited (here to 3 per window); successes never count.</summary>
public sealed class FailedAttemptLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private const string Password = "a-long-enough-password";

    // A long window: a slow machine must not see it end in the middle of a test.
    private readonly SecurityTestApp _app = App(TimeSpan.FromMinutes(10));

    private static SecurityTestApp App(TimeSpan window) => new(settings: new Dictionary<string, string?>
    {
        ["Itsm:Security:RateLimits:FailuresPerWindow"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Itsm:Security:RateLimits:Window"] = window.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task After_the_limit_of_wrong_passwords_even_the_right_one_gets_429_with_retry_after()
    {
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            (await SecurityTestApp.SignInAsync(_app.Client(), "admin", "wrong-password-" + attempt)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var client = _app.Client();
        var blocked = await SecurityTestApp.SignInAsync(client, "admin", SecurityTestApp.AdminPassword);

        blocked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        blocked.Headers.RetryAfter!.Delta.Should().BePositive();
        blocked.Headers.Contains("Set-Cookie").Should().BeFalse("a blocked attempt is not even checked");
        (await client.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_block_ends_with_its_window()
    {
        // The framework's limiter keeps its own monotonic clock (no TimeProvider), so this one waits out a real window.
        await using var app = App(TimeSpan.FromSeconds(3));
        var blocked = await Eventually.HoldsAsync(
            async () => (await SecurityTestApp.SignInAsync(app.Client(), "admin", "wrong-password")).StatusCode == HttpStatusCode.TooManyRequests,
            TimeSpan.FromSeconds(60));
        blocked.Should().BeTrue("wrong passwords in a row reach the limit");

        (await Eventually.HoldsAsync(
            async () => (await SecurityTestApp.SignInAsync(app.Client(), "admin", SecurityTestApp.AdminPassword)).StatusCode == HttpStatusCode.Redirect,
            TimeSpan.FromSeconds(60))).Should().BeTrue();
    }

    [Fact]
    public async Task Successful_sign_ins_and_requests_do_not_count()
    {
        for (var attempt = 0; attempt < Limit * 3; attempt++)
        {
            await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
            (await _app.ClientWithKey(SecurityTestApp.ApiKey).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Wrong_api_keys_are_limited_per_client_with_a_429_problem()
    {
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            await (await _app.ClientWithKey("guess-" + attempt).GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var blocked = await _app.ClientWithKey("guess-final").GetAsync("/api/me");

        var problem = await blocked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().Should().Be("Too many requests");
        blocked.Headers.RetryAfter!.Delta.Should().BePositive();
    }

    [Fact]
    public async Task Failures_on_one_account_do_not_block_sign_ins_elsewhere_before_the_address_limit()
    {
        var admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(admin, "ana", Password, "agent");

        for (var attempt = 0; attempt < Limit - 1; attempt++)
        {
            await SecurityTestApp.SignInAsync(_app.Client(), "ana", "wrong-password-" + attempt);
        }

        await _app.SignedInAsync("ana", Password);
        (await SecurityTestApp.SignInAsync(_app.Client(), "ANA", "wrong-password-last")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SecurityTestApp.SignInAsync(_app.Client(), "ana", Password)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests,
            "the account counts its failures whatever the case of the name");
    }
}
