using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>The record store behind the ITIL lists: projected columns, links both ways, history, filters and keyset pages.</summary>
public sealed class RecordStoreTests
{
    private static ItsmAppFactory App() => new()
    {
        TestServices = services => services.AddItsmActivities(a => a.AddActivity<WriteItilRecordStep>()),
    };

    private static (string, JsonNode?)[] Write(string type, string id, JsonObject data) =>
        [("recordType", Literal("String", type)), ("recordId", Literal("String", id)), ("dataJson", Literal("String", data.ToJsonString()))];

    private static string IncidentFlow() => new Itsm.Activities.Tests.Support.FlowBuilder("incident-flow")
        .Activity("start", "Elsa.Start")
        .Activity("ci", "Test.WriteItilRecord", Write(RecordTypes.ConfigurationItem, "ci-1", new JsonObject { ["number"] = "CI0000042", ["title"] = "Core switch", ["status"] = "active" }))
        .Activity("log", "Test.WriteItilRecord", Write(RecordTypes.Incident, "inc-1", new JsonObject
        {
            ["number"] = "INC0000001", ["title"] = "Scanners drop off the network", ["status"] = "new", ["priority"] = "P2",
            ["links"] = new JsonArray(new JsonObject { ["type"] = RecordTypes.ConfigurationItem, ["id"] = "ci-1", ["relation"] = "affects" }),
        }))
        .Activity("work", "Test.WriteItilRecord", Write(RecordTypes.Incident, "inc-1", new JsonObject
        {
            ["number"] = "INC0000001", ["title"] = "Scanners drop off the network", ["status"] = "in-progress", ["priority"] = "P2",
            ["links"] = new JsonArray(new JsonObject { ["type"] = RecordTypes.ConfigurationItem, ["id"] = "ci-1", ["relation"] = "affects" }),
        }))
        .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "never")))
        .Chain("start", "ci", "log", "work", "wait")
        .ToJson();

    [Fact]
    public async Task Step_written_record_is_indexed_linked_both_ways_and_lists_the_steps_that_changed_it()
    {
        await using var app = App();
        await app.PublishAsync(IncidentFlow());
        var started = await app.Runtime.StartAsync(new StartRequest("incident-flow"), default);
        using var client = app.CreateClient();

        var incident = (await client.GetFromJsonAsync<JsonObject>("/api/incidents/INC0000001"))!;
        var record = incident["record"]!;
        record["id"]!.GetValue<string>().Should().Be("inc-1");
        record["status"]!.GetValue<string>().Should().Be("in-progress");
        record["priority"]!.GetValue<string>().Should().Be("P2");
        record["version"]!.GetValue<long>().Should().Be(2);
        var link = incident["links"]!.AsArray().Should().ContainSingle().Subject!;
        link["type"]!.GetValue<string>().Should().Be(RecordTypes.ConfigurationItem);
        link["id"]!.GetValue<string>().Should().Be("ci-1");
        link["number"]!.GetValue<string>().Should().Be("CI0000042");
        link["relation"]!.GetValue<string>().Should().Be("affects");
        var history = incident["history"]!.AsArray();
        history.Select(h => (h!["version"]!.GetValue<long>(), h["activityId"]!.GetValue<string>(), h["instanceId"]!.GetValue<string>()))
            .Should().Equal((1L, "log", started.InstanceId!), (2L, "work", started.InstanceId!));

        var ci = (await client.GetFromJsonAsync<JsonObject>("/api/configuration-items/ci-1"))!;
        ci["linkedFrom"]!.AsArray().Single()!["id"]!.GetValue<string>().Should().Be("inc-1");
        ci["links"]!.AsArray().Should().BeEmpty();

        (await ListAsync(client, $"/api/incidents?instanceId={started.InstanceId}")).Should().Equal("inc-1");
        (await ListAsync(client, "/api/incidents?instanceId=someone-else")).Should().BeEmpty();
        (await ListAsync(client, "/api/incidents?ci=ci-1")).Should().Equal("inc-1");
        (await ListAsync(client, "/api/incidents?ci=CI0000042")).Should().Equal(new[] { "inc-1" }, "a CI is found by its number too");
        (await ListAsync(client, "/api/incidents?status=new")).Should().BeEmpty("the list filters on the current status");
        (await ListAsync(client, "/api/incidents?status=in-progress&priority=P2")).Should().Equal("inc-1");
    }

    [Fact]
    public async Task Rewriting_a_record_replaces_its_links_and_a_delete_leaves_its_history()
    {
        await using var app = App();
        _ = app.Services;
        var writer = app.Services.GetRequiredService<RecordWriter>();
        var store = app.Store;
        JsonObject Change(params string[] cis) => new()
        {
            ["number"] = "CHG0000001", ["title"] = "Replace switch", ["status"] = "new",
            ["links"] = new JsonArray(cis.Select(c => (JsonNode)new JsonObject { ["type"] = RecordTypes.ConfigurationItem, ["id"] = c }).ToArray()),
        };
        await writer.WriteAsync([writer.ByHand(RecordTypes.Change, "chg-1", Change("ci-a", "ci-b"), "alice")], default);
        await writer.WriteAsync([writer.ByHand(RecordTypes.Change, "chg-1", Change("ci-b"), "bob")], default);

        var queries = app.Services.GetRequiredService<RecordQueries>();
        var details = (await queries.FindAsync(RecordTypes.Change, "CHG0000001", default))!;
        details.Links.Select(l => l.Id).Should().Equal("ci-b");
        details.Links.Single().Relation.Should().BeNull();
        details.History.Select(h => (h.Version, h.Actor, h.InstanceId)).Should().Equal((1L, "alice", (string?)null), (2L, "bob", (string?)null));

        await store.WriteRecordsAsync([new RecordWrite(RecordTypes.Change, "chg-1", null, "", "", app.Clock.GetUtcNow()) { Actor = "carol" }], [], default);
        (await queries.FindAsync(RecordTypes.Change, "chg-1", default)).Should().BeNull();
        (await queries.ListAsync(new RecordListQuery(RecordTypes.Change) { Ci = "ci-b" }, default)).Items.Should().BeEmpty("a deleted record's links go with it");
        await using var context = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ItsmDbContext>>().CreateDbContextAsync();
        context.RecordChanges.Where(h => h.RecordId == "chg-1").OrderBy(h => h.Id).Select(h => h.Operation + ":" + h.Version + ":" + h.Actor).ToList()
            .Should().Equal("upsert:1:alice", "upsert:2:bob", "delete:3:carol");
    }

    [Fact]
    public async Task A_write_standing_for_several_changes_of_one_commit_moves_the_version_by_each_and_keeps_a_history_row_per_change()
    {
        await using var app = App();
        _ = app.Services;
        var at = app.Clock.GetUtcNow();
        JsonObject Incident(string status) => new() { ["number"] = "INC0000007", ["title"] = "Printer offline", ["status"] = status };

        // How a unit writes a record that three of its steps changed: one row write of the last data.
        await app.Store.WriteRecordsAsync([new RecordWrite(RecordTypes.Incident, "inc-7", Incident("resolved").ToJsonString(), "instance-1", "resolve", at)
        {
            ExpectedVersion = 0,
            EarlierActivityIds = ["log", "escalate"],
        }], [], default);
        await app.Store.WriteRecordsAsync([new RecordWrite(RecordTypes.Incident, "inc-7", Incident("closed").ToJsonString(), "instance-1", "close", at)], [], default);

        var details = (await app.Services.GetRequiredService<RecordQueries>().FindAsync(RecordTypes.Incident, "inc-7", default))!;
        details.Record.Version.Should().Be(4);
        details.Record.Status.Should().Be("closed");
        details.History.Select(h => (h.Version, h.ActivityId)).Should().Equal((1L, "log"), (2L, "escalate"), (3L, "resolve"), (4L, "close"));
    }

    [Fact]
    public async Task Lists_search_number_and_title_case_insensitively_and_page_newest_first_by_cursor()
    {
        await using var app = App();
        var writer = app.Services.GetRequiredService<RecordWriter>();
        string[] titles = ["Replace warehouse laptops", "Ärger mit dem Drucker", "Shorter change windows", "Laptop docking stations", "Fewer password resets"];
        for (var i = 0; i < titles.Length; i++)
        {
            await writer.WriteAsync([writer.ByHand(RecordTypes.Improvement, $"imp-{i}", new JsonObject
            {
                ["number"] = $"IMP000000{i}", ["title"] = titles[i], ["status"] = i % 2 == 0 ? "registered" : "approved", ["priority"] = "P3",
            }, "tester")], default);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        using var client = app.CreateClient();
        (await ListAsync(client, "/api/improvements?q=LAPTOP")).Should().Equal("imp-3", "imp-0");
        (await ListAsync(client, "/api/improvements?q=%C3%A4rger")).Should().Equal(new[] { "imp-1" }, "case folding is not ASCII-only");
        (await ListAsync(client, "/api/improvements?q=imp0000002")).Should().Equal("imp-2");
        (await ListAsync(client, "/api/improvements?q=50%25")).Should().BeEmpty("LIKE wildcards in the term match literally");
        (await ListAsync(client, "/api/improvements?status=approved")).Should().Equal("imp-3", "imp-1");

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>("/api/improvements?pageSize=2" + (cursor is null ? "" : "&cursor=" + cursor)))!;
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["next"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);
        seen.Should().Equal("imp-4", "imp-3", "imp-2", "imp-1", "imp-0");
        pages.Should().Be(3);

        var bad = await client.GetAsync("/api/improvements?cursor=not-a-cursor!");
        bad.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("cursor");
        (await client.GetAsync("/api/improvements?pageSize=0")).StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_record_kind_has_its_list_route()
    {
        await using var app = App();
        using var client = app.CreateClient();
        foreach (var kind in RecordKinds.All)
        {
            var response = await client.GetAsync($"/api/{kind.Route}");
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, kind.Route);
            (await client.GetAsync($"/api/{kind.Route}/nothing-here")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, kind.Route);
        }
    }

    internal static async Task<List<string>> ListAsync(HttpClient client, string url)
    {
        var page = (await client.GetFromJsonAsync<JsonObject>(url))!;
        return page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
    }
}
