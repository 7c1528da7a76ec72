using System.Net;
using System.Text;
using Itsm.Orchestrator.Api.Webhooks;
using Itsm.Orchestrator.Tests.Api;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>A trigger with a secret in configuration accepts only requests signed with it, within the replay window.</summary>
public sealed class SignedWebhookTests : IAsyncLifetime
{
    private const string Secret = "whsec-0123456789";
    private const string Body = """{"title":"Core switch down","priority":"P1"}""";

    private readonly WebhookHost _host = new(new Dictionary<string, string>
    {
        ["Itsm:Webhooks:Secrets:monitoring"] = Secret,
        ["Itsm:Webhooks:Secrets:ci:hook"] = "per-activity-secret",
    });

    public async Task InitializeAsync()
    {
        await _host.PublishAsync(WebhookHost.Hook("monitoring", "alerts"));
        await _host.PublishAsync(WebhookHost.Hook("ci", "builds"));
        await _host.PublishAsync(WebhookHost.Hook("open", "open"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Sign(string body, DateTimeOffset at, string secret = Secret) => WebhookSignature.Sign(secret, at, Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task Request_signed_with_the_trigger_secret_starts_the_workflow()
    {
        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body, Sign(Body, _host.Now)));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Forged_signature_is_refused_and_starts_nothing()
    {
        var forged = Sign(Body, _host.Now, "not-the-secret");

        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body, forged));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Signature_of_another_body_is_refused_and_starts_nothing()
    {
        var signature = Sign(Body, _host.Now);

        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body.Replace("P1", "P4"), signature));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1,v1=zz")]
    [InlineData("t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Missing_or_malformed_signature_is_refused_and_starts_nothing(string? header)
    {
        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body, header));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Timestamp_outside_the_replay_window_is_refused_and_starts_nothing(int minutes)
    {
        var signature = Sign(Body, _host.Now.AddMinutes(minutes));

        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body, signature));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem["detail"]!.GetValue<string>().Should().Contain("timestamp");
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Timestamp_inside_the_window_is_accepted()
    {
        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body, Sign(Body, _host.Now.AddMinutes(-4))));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_rotated_secret_is_accepted_among_several_signatures()
    {
        var old = Sign(Body, _host.Now, "retired-secret");
        var current = Sign(Body, _host.Now);
        var both = old + "," + current[(current.IndexOf(',', StringComparison.Ordinal) + 1)..];

        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body, both));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_secret_for_one_activity_applies_to_that_endpoint()
    {
        (await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/builds", Body, Sign(Body, _host.Now))))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/builds", Body, Sign(Body, _host.Now, "per-activity-secret")));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_trigger_without_a_secret_stays_open()
    {
        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/open", Body));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task The_secret_is_not_part_of_the_definition_json()
    {
        var definition = await (await _host.Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/monitoring?versionOptions=Published")).Content.ReadAsStringAsync();

        definition.Should().NotContain(Secret);
    }
}
