using System.Net;
using Itsm.Orchestrator.Tests.Api;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>Anonymous webhook routes are rate-limited per route: over the limit is a 429 problem with Retry-After.</summary>
public sealed class WebhookRateLimitTests : IAsyncLifetime
{
    private readonly WebhookHost _host = new(new Dictionary<string, string>
    {
        ["Itsm:Webhooks:RateLimit:PermitLimit"] = "3",
        ["Itsm:Webhooks:RateLimit:Window"] = "01:00:00",
    });

    public async Task InitializeAsync()
    {
        await _host.PublishAsync(WebhookHost.Hook("noisy", "noisy"));
        await _host.PublishAsync(WebhookHost.Hook("quiet", "quiet"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Requests_over_the_limit_get_429_with_retry_after_and_start_nothing()
    {
        for (var i = 0; i < 3; i++)
            (await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/noisy", "{}"))).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/noisy", "{}"));

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.Should().NotBeNull();
        (response.Headers.RetryAfter!.Delta ?? TimeSpan.Zero).Should().BePositive();
        (await _host.InstanceCountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task Each_route_has_its_own_budget()
    {
        for (var i = 0; i < 4; i++)
            await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/NOISY/", "{}"));

        (await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/quiet", "{}"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/noisy", "{}"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }
}
