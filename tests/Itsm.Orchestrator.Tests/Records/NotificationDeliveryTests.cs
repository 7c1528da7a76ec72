using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Records.Notifications;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>Notification records are delivered after their commit through the configured channels, durably.</summary>
public sealed class NotificationDeliveryTests
{
    private const string HookUrl = "http://notify.example.test/hook";

    /// <summary>An HTTP endpoint that answers with the next queued status (200 when none is left) and keeps what it got.</summary>
    private sealed class FakeEndpoint : HttpMessageHandler
    {
        public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();
        public ConcurrentQueue<(Uri Url, JsonObject Body)> Received { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = (await request.Content!.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            Received.Enqueue((request.RequestUri!, body));
            return new HttpResponseMessage(Answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
        }
    }

    private static ItsmAppFactory App(FakeEndpoint endpoint, bool withChannel)
    {
        var app = new ItsmAppFactory
        {
            TestServices = services =>
            {
                services.AddItsmActivities(a => a.AddActivity<WriteItilRecordStep>());
                services.AddHttpClient(DeliverNotificationHandler.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => endpoint);
            },
        };
        app.Settings["Itsm:Outbox:PollInterval"] = "01:00:00"; // retries are driven by hand below
        if (withChannel)
        {
            app.Settings["Itsm:Notifications:Channels:0:Kind"] = "http";
            app.Settings["Itsm:Notifications:Channels:0:Url"] = HookUrl;
            app.Settings["Itsm:Notifications:Channels:1:Kind"] = "log";
        }

        return app;
    }

    private static string NotifyFlow(string? channel = null) => new Itsm.Activities.Tests.Support.FlowBuilder("notify-flow")
        .Activity("start", "Elsa.Start")
        .Activity("notify", "Test.WriteItilRecord",
            ("recordType", Literal("String", RecordTypes.Notification)), ("recordId", Literal("String", "ntf-1")),
            ("dataJson", Literal("String", new JsonObject
            {
                ["number"] = "NTF0000001", ["status"] = NotificationDelivery.Pending, ["title"] = "Your incident is resolved",
                ["recipient"] = "dana@example.test", ["subject"] = "INC0000001 resolved", ["body"] = "The scanners are back online.", ["channel"] = channel,
            }.ToJsonString())))
        .Chain("start", "notify")
        .ToJson();

    private static async Task<JsonObject> NotificationAsync(ItsmAppFactory app) =>
        JsonNode.Parse((await app.Store.FindRecordAsync(RecordTypes.Notification, "ntf-1", default))!.DataJson)!.AsObject();

    [Fact]
    public async Task Notification_is_retried_after_a_failed_post_and_every_attempt_is_recorded()
    {
        var endpoint = new FakeEndpoint();
        endpoint.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        await using var app = App(endpoint, withChannel: true);
        await app.PublishAsync(NotifyFlow());

        await app.Runtime.StartAsync(new StartRequest("notify-flow"), default);
        // The first delivery runs behind the start; its failure (the back-off on the outbox row) is written last.
        await app.FollowUpAsync();

        (await NotificationAsync(app))["attempts"].Should().BeOfType<JsonArray>().Which.Should().HaveCount(2,
            "the first delivery tried both channels right after the commit");
        var failed = await NotificationAsync(app);
        failed["status"]!.GetValue<string>().Should().Be(NotificationDelivery.Pending);
        failed["attempts"]![0]!["statusCode"]!.GetValue<int>().Should().Be(503);
        failed["attempts"]![1]!["channel"]!.GetValue<string>().Should().Be("log");
        (await app.Queries.ListOutboxAsync(0, 10, default)).Items.Should().ContainSingle(i => i.Kind == NotificationDelivery.OutboxKind);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Services.GetRequiredService<OutboxDispatcher>().PollOnceAsync(default);

        var delivered = await NotificationAsync(app);
        delivered["status"]!.GetValue<string>().Should().Be(NotificationDelivery.Delivered);
        delivered["attempts"]!.AsArray().Select(a => a!["channel"]!.GetValue<string>()).Should().Equal("http", "log", "http");
        delivered["attempts"]![2]!["statusCode"]!.GetValue<int>().Should().Be(200);
        endpoint.Received.Should().HaveCount(2);
        endpoint.Received.Last().Url.Should().Be(new Uri(HookUrl));
        endpoint.Received.Last().Body["subject"]!.GetValue<string>().Should().Be("INC0000001 resolved");
        (await app.Queries.ListOutboxAsync(0, 10, default)).Total.Should().Be(0);

        // Delivering again (an at-least-once redelivery) changes nothing.
        await app.Services.GetServices<IOutboxHandler>().OfType<DeliverNotificationHandler>().Single().HandleAsync(
            NotificationDelivery.OutboxRow("ntf-1", null, app.Clock.GetUtcNow(), app.Clock.GetUtcNow()), default);
        endpoint.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Without_a_channel_the_notification_is_committed_undelivered_with_its_step_and_no_delivery_round()
    {
        var endpoint = new FakeEndpoint();
        await using var app = App(endpoint, withChannel: false);
        await app.PublishAsync(NotifyFlow());

        await app.Runtime.StartAsync(new StartRequest("notify-flow"), default);

        (await NotificationAsync(app))["status"]!.GetValue<string>().Should().Be(NotificationDelivery.Undelivered,
            "the step's own commit wrote it so: no channel could take it");
        (await app.Queries.ListOutboxAsync(0, 10, default)).Total.Should().Be(0, "there is nothing to deliver later");
        using var client = app.CreateClient();
        (await RecordStoreTests.ListAsync(client, "/api/notifications?status=undelivered")).Should().Equal("ntf-1");
        var details = await (await client.GetAsync("/api/notifications/ntf-1")).ReadNodeAsync();
        details["history"]!.AsArray().Should().ContainSingle("one write, by the step; no second write by a delivery");
        endpoint.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_notification_asking_for_a_channel_the_host_lacks_is_committed_undelivered()
    {
        var endpoint = new FakeEndpoint();
        await using var app = App(endpoint, withChannel: true);
        await app.PublishAsync(NotifyFlow(channel: "pager"));

        await app.Runtime.StartAsync(new StartRequest("notify-flow"), default);

        (await NotificationAsync(app))["status"]!.GetValue<string>().Should().Be(NotificationDelivery.Undelivered);
        (await app.Queries.ListOutboxAsync(0, 10, default)).Total.Should().Be(0);
        endpoint.Received.Should().BeEmpty("the http channel is not the one it asked for");
    }
}
