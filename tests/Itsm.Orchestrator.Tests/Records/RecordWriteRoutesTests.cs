using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Itil;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>The records a person writes: improvements, configuration items and assets; bad input writes nothing.</summary>
public sealed class RecordWriteRoutesTests
{
    [Fact]
    public async Task Improvement_registered_by_hand_gets_a_number_and_names_its_author_in_the_history()
    {
        await using var app = new ItsmAppFactory();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/improvements", new { title = "Publish the on-call rota in the portal", priority = "P3", benefit = "Fewer misrouted calls" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var record = created["record"]!;
        record["number"]!.GetValue<string>().Should().Be("IMP0000001");
        record["status"]!.GetValue<string>().Should().Be("registered");
        record["data"]!["benefit"]!.GetValue<string>().Should().Be("Fewer misrouted calls");
        record["instanceId"].Should().BeNull();
        var change = created["history"]!.AsArray().Single()!;
        change["actor"]!.GetValue<string>().Should().Be("key-0");
        change["instanceId"].Should().BeNull();
        response.Headers.Location!.ToString().Should().EndWith("/api/improvements/" + record["id"]!.GetValue<string>());
        (await client.GetAsync("/api/improvements/IMP0000001")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Improvement_registered_by_hand_starts_the_continual_improvement_stream()
    {
        await using var app = new ItsmAppFactory();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/improvements", new { title = "Shorten the spare-part reorder loop", priority = "P3" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["record"]!["id"]!.GetValue<string>();

        JsonNode? started = null;
        (await Eventually.HoldsAsync(async () =>
        {
            var page = (await client.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-instances?definitionId=continual-improvement"))!;
            started = page["items"]!.AsArray().FirstOrDefault();
            return started is not null;
        })).Should().BeTrue("a person's improvement starts the stream as a stream's does");
        var improvement = (await app.InstanceAsync(started!["id"]!.GetValue<string>())).Variable("Improvement");
        System.Text.Json.JsonSerializer.Serialize(improvement).Should().Contain(id).And.Contain("person");
    }

    [Fact]
    public async Task Asset_is_created_and_its_stock_updated_keeping_its_number()
    {
        await using var app = new ItsmAppFactory();
        using var client = app.CreateClient();
        var ci = (await (await client.PostAsJsonAsync("/api/configuration-items", new { title = "Access point WH-N-01" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var ciNumber = ci["record"]!["number"]!.GetValue<string>();
        ciNumber.Should().Be("CI0000001");

        var created = await client.PostAsJsonAsync("/api/assets", new
        {
            title = "Spare access point", stockCount = 3, reorderThreshold = 2,
            links = new[] { new { type = RecordTypes.ConfigurationItem, id = ciNumber, relation = "spare-for" } },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var asset = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var number = asset["record"]!["number"]!.GetValue<string>();
        asset["links"]!.AsArray().Single()!["id"]!.GetValue<string>().Should().Be(ci["record"]!["id"]!.GetValue<string>(), "a link given by number is kept by id");

        var updated = await client.PutAsJsonAsync($"/api/assets/{number}", new { title = "Spare access point", stockCount = 1, reorderThreshold = 2, status = "low-stock" });
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        var after = (await updated.Content.ReadFromJsonAsync<JsonObject>())!["record"]!;
        after["number"]!.GetValue<string>().Should().Be(number);
        after["version"]!.GetValue<long>().Should().Be(2);
        after["data"]!["stockCount"]!.GetValue<int>().Should().Be(1);
        (await RecordStoreTests.ListAsync(client, "/api/assets?status=low-stock")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_hand_change_made_from_an_older_read_is_refused_with_412_and_changes_nothing()
    {
        await using var app = new ItsmAppFactory();
        using var client = app.CreateClient();
        var created = await client.PostAsJsonAsync("/api/configuration-items", new { title = "Core switch" });
        var number = (await created.Content.ReadFromJsonAsync<JsonObject>())!["record"]!["number"]!.GetValue<string>();
        var read = await client.GetAsync($"/api/configuration-items/{number}");
        var readTag = read.Headers.ETag!;
        readTag.Tag.Should().Be("\"1\"", "a read tags the record with its version");

        var first = await PutAsync(client, $"/api/configuration-items/{number}", new { title = "Core switch A" }, readTag);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.Should().Be("\"2\"");

        var stale = await PutAsync(client, $"/api/configuration-items/{number}", new { title = "Core switch B" }, readTag);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "somebody changed the record since this read");
        (await stale.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<int>().Should().Be(412);
        var weak = await PutAsync(client, $"/api/configuration-items/{number}", new { title = "Core switch C" }, new System.Net.Http.Headers.EntityTagHeaderValue("\"2\"", isWeak: true));
        weak.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "If-Match compares strongly");

        var after = (await client.GetFromJsonAsync<JsonObject>($"/api/configuration-items/{number}"))!["record"]!;
        after["title"]!.GetValue<string>().Should().Be("Core switch A");
        after["version"]!.GetValue<long>().Should().Be(2);
        (await PutAsync(client, $"/api/configuration-items/{number}", new { title = "Core switch D" }, System.Net.Http.Headers.EntityTagHeaderValue.Any))
            .StatusCode.Should().Be(HttpStatusCode.OK, "* matches any version of a record that exists");
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string uri, object body, System.Net.Http.Headers.EntityTagHeaderValue ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return await client.SendAsync(request);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "/api/improvements", """{"priority":"P3"}""", "title" },
        { "/api/improvements", """{"title":"  "}""", "title" },
        { "/api/improvements", """{"title":"x","priority":"urgent"}""", "priority" },
        { "/api/improvements", """{"title":"x","number":"IMP9999999"}""", "number" },
        { "/api/improvements", """["not","an","object"]""", "body" },
        { "/api/assets", """{"title":"Spare"}""", "stockCount" },
        { "/api/assets", """{"title":"Spare","stockCount":-1,"reorderThreshold":1}""", "stockCount" },
        { "/api/assets", """{"title":"Spare","stockCount":2.5,"reorderThreshold":1}""", "stockCount" },
        { "/api/assets", """{"title":"Spare","stockCount":2,"reorderThreshold":"two"}""", "reorderThreshold" },
        { "/api/configuration-items", """{"title":"AP","links":[{"type":"spaceship","id":"x"}]}""", "links[0].type" },
        { "/api/configuration-items", """{"title":"AP","links":[{"type":"configuration-item","id":"no-such-ci"}]}""", "links[0].id" },
        { "/api/configuration-items", """{"title":"AP","links":{"type":"configuration-item"}}""", "links" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_writes_nothing(string route, string body, string field)
    {
        await using var app = new ItsmAppFactory();
        using var client = app.CreateClient();

        var response = await client.PostAsync(route, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
        (await RecordStoreTests.ListAsync(client, route)).Should().BeEmpty();
    }

    [Fact]
    public async Task Updating_an_unknown_record_is_not_found_and_steps_own_kinds_take_no_hand_writes()
    {
        await using var app = new ItsmAppFactory();
        using var client = app.CreateClient();

        (await client.PutAsJsonAsync("/api/configuration-items/CI0009999", new { title = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync("/api/incidents", new { title = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound, "incidents are written by steps only");
        (await RecordStoreTests.ListAsync(client, "/api/incidents")).Should().BeEmpty();
    }

    [Fact]
    public async Task Record_lists_and_writes_need_a_signed_in_caller()
    {
        await using var app = new ItsmAppFactory();
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        (await anonymous.GetAsync("/api/incidents")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/improvements", new { title = "x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Services.GetRequiredService<RecordQueries>().ListAsync(new RecordListQuery(RecordTypes.Improvement), default)).Items.Should().BeEmpty();
    }
}
