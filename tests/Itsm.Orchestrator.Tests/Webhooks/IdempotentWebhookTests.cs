using System.Net;
using Itsm.Orchestrator.Api.Webhooks;
using Itsm.Orchestrator.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>An <c>Idempotency-Key</c> makes a redelivered webhook answer with the first delivery's instance.</summary>
public sealed class IdempotentWebhookTests : IAsyncLifetime
{
    private const string Body = """{"title":"Disk full"}""";
    private readonly WebhookHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.PublishAsync(WebhookHost.Hook("alerts", "alerts"));
        await _host.PublishAsync(WebhookHost.Hook("builds", "builds"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? Location, string? InstanceId)> DeliverAsync(string route, string key)
    {
        using var response = await _host.Anonymous.SendAsync(WebhookHost.Post($"/workflows/{route}", Body, idempotencyKey: key));
        var body = await response.ReadNodeAsync();
        return (response.StatusCode, response.Headers.Location?.ToString(), body["instanceId"]?.GetValue<string>());
    }

    [Fact]
    public async Task Redelivery_with_the_same_key_answers_with_the_first_instance_and_starts_nothing_else()
    {
        var first = await DeliverAsync("alerts", "alert-4711");
        var second = await DeliverAsync("alerts", "alert-4711");

        first.Status.Should().Be(HttpStatusCode.Accepted);
        second.Should().Be(first);
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Simultaneous_deliveries_with_one_key_start_one_instance()
    {
        var deliveries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => DeliverAsync("alerts", "storm-1")));

        deliveries.Should().OnlyContain(d => d.Status == HttpStatusCode.Accepted);
        deliveries.Select(d => d.InstanceId).Distinct().Should().ContainSingle();
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Other_keys_and_other_routes_start_their_own_instances()
    {
        var a = await DeliverAsync("alerts", "k1");
        var b = await DeliverAsync("alerts", "k2");
        var c = await DeliverAsync("builds", "k1");

        new[] { a.InstanceId, b.InstanceId, c.InstanceId }.Distinct().Should().HaveCount(3);
        (await _host.InstanceCountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task A_key_older_than_the_window_starts_a_new_instance()
    {
        var first = await DeliverAsync("alerts", "old-key");
        _host.Root.Clock.Advance(TimeSpan.FromHours(25));

        var later = await DeliverAsync("alerts", "old-key");

        later.InstanceId.Should().NotBe(first.InstanceId);
        (await _host.InstanceCountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task A_delivery_that_crashed_after_reserving_is_started_under_the_reserved_id_on_redelivery()
    {
        // What a crash between the reservation and the start's commit leaves behind: a reservation, no instance.
        var ledger = _host.Services.GetRequiredService<WebhookDeliveryLedger>();
        var reserved = await ledger.ReserveAsync("POST alerts", "crashed-1", "0196f0c0aaaa7bbb8cccdddd00000001", _host.Now, TimeSpan.FromHours(24), CancellationToken.None);
        reserved.IsNew.Should().BeTrue();
        (await _host.InstanceCountAsync()).Should().Be(0);

        var redelivered = await DeliverAsync("alerts", "crashed-1");
        var again = await DeliverAsync("alerts", "crashed-1");

        redelivered.Status.Should().Be(HttpStatusCode.Accepted);
        redelivered.InstanceId.Should().Be("0196f0c0aaaa7bbb8cccdddd00000001");
        again.Should().Be(redelivered);
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_refused_delivery_does_not_use_up_its_key()
    {
        using (var bad = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", "[1, 2", idempotencyKey: "retry-me")))
            bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var good = await DeliverAsync("alerts", "retry-me");

        good.Status.Should().Be(HttpStatusCode.Accepted);
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_redelivered_resume_answers_with_the_resumed_instance()
    {
        var flow = new Itsm.Activities.Tests.Support.FlowBuilder("confirm", "Confirm")
            .Activity("start", "Elsa.Start")
            .Activity("wait", "Elsa.HttpEndpoint", ("path", Itsm.Activities.Tests.Support.FlowBuilder.Literal("String", "confirm")),
                ("supportedMethods", Itsm.Activities.Tests.Support.FlowBuilder.Obj("String[]", "[\"POST\"]")))
            .Activity("end", "Elsa.End")
            .Chain("start", "wait", "end");
        await _host.PublishAsync(flow);
        var instanceId = await _host.Client.ExecuteAsync("confirm", new System.Text.Json.Nodes.JsonObject());

        var first = await DeliverAsync("confirm", "confirm-1");
        var second = await DeliverAsync("confirm", "confirm-1");

        first.Status.Should().Be(HttpStatusCode.Accepted);
        first.InstanceId.Should().Be(instanceId);
        second.Should().Be(first);
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task An_unusable_key_is_a_400_naming_the_header(string key)
    {
        using var request = WebhookHost.Post("/workflows/alerts", Body);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await _host.Anonymous.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Should().ContainKey("Idempotency-Key");
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_a_400()
    {
        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/alerts", Body, idempotencyKey: new string('k', 256)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }
}
