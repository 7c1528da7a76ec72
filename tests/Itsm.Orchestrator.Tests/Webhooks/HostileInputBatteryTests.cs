using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Api;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>
/// Hundreds of malformed and mutated bodies (generated from valid ones with a seeded Random: truncations, invalid
/// UTF-8 bytes, values replaced by huge numbers, lone surrogates, deep nesting, duplicate keys and giant strings,
/// wrong shapes and types, wrong content types) sent to the webhook route and every API POST/PUT route that takes
/// a body. Every answer must be a 4xx problem, and afterwards nothing was created.
/// </summary>
public sealed class HostileInputBatteryTests : IAsyncLifetime
{
    private const int Seed = 20261130;

    private readonly WebhookHost _host = new(new Dictionary<string, string> { ["Itsm:Webhooks:RateLimit:PermitLimit"] = "0" });

    private static readonly string[] HostileValues =
    [
        "1e999",
        "-1e400",
        new string('9', 400),
        "\"\\ud800\"",
        "\"x\\udc00y\"",
        new string('[', 200) + new string(']', 200),
        "{\"a\": 1, \"a\": 2}",
        "\"" + new string('x', 5 * 1024 * 1024) + "\"",
    ];

    private static readonly string[] WrongShapes = ["[]", "\"text\"", "42", "true", "[{}]"];

    private static readonly string[] WrongContentTypes = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"];

    public async Task InitializeAsync()
    {
        var hook = WebhookHost.Hook("hostile", "hostile").ToModel();
        hook["inputs"] = new JsonArray
        {
            new JsonObject { ["name"] = "title", ["type"] = "String", ["isRequired"] = true },
            new JsonObject { ["name"] = "count", ["type"] = "Int32" },
            new JsonObject { ["name"] = "tags", ["type"] = "String", ["isArray"] = true },
        };
        (await _host.SaveAsync(hook)).StatusCode.Should().Be(HttpStatusCode.OK);
        await _host.PublishAsync(ApiFlow.Counter());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Each route with a body that is valid for it (so the mutations, not the seed, are what is refused).</summary>
    private static IEnumerable<(HttpMethod Method, string Url, string Body)> Routes()
    {
        var definition = new FlowBuilder("fuzzed", "Fuzzed")
            .Activity("start", "Elsa.Start").Activity("end", "Elsa.End").Chain("start", "end").ToModel();
        var exported = definition.DeepClone().AsObject();
        exported["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";
        yield return (HttpMethod.Post, "/workflows/hostile", """{"title":"WiFi down","count":3,"tags":["network","site-b"]}""");
        yield return (HttpMethod.Post, ApiClientExtensions.Definitions, new JsonObject { ["model"] = definition.DeepClone(), ["publish"] = true }.ToJsonString());
        yield return (HttpMethod.Post, ApiClientExtensions.Definitions + "/import", exported.ToJsonString());
        yield return (HttpMethod.Put, ApiClientExtensions.Definitions + "/fuzzed/import", exported.ToJsonString());
        yield return (HttpMethod.Post, ApiClientExtensions.Definitions + "/counter/execute", """{"input":{"a":1,"b":[1,2]},"correlationId":"c-1","versionOptions":"Published"}""");
        yield return (HttpMethod.Post, ApiClientExtensions.Instances, """{"page":0,"pageSize":10,"correlationId":"c-1","statuses":["Running"]}""");
        yield return (HttpMethod.Post, ApiClientExtensions.Instances + "/0196f0c0aaaa7bbb8cccdddd00000001/journal", """{"filter":{"activityIds":["a"]},"skip":0,"take":10}""");
        yield return (HttpMethod.Post, "/elsa/api/events/fuzz-event/trigger", """{"correlationId":"c-1","input":{"a":1}}""");
        yield return (HttpMethod.Post, "/elsa/api/tasks/0196f0c0aaaa7bbb8cccdddd00000001/complete", """{"result":{"decision":"ok","score":1}}""");
        yield return (HttpMethod.Post, "/elsa/api/bookmarks/resume?t=0196f0c0aaaa7bbb8cccdddd00000001", """{"a":1}""");
        yield return (HttpMethod.Post, "/elsa/api/activity-executions/report", """{"workflowInstanceId":"0196f0c0aaaa7bbb8cccdddd00000001","activityNodeIds":["x"]}""");
    }

    private static IEnumerable<(string Kind, byte[] Body, string ContentType)> Mutations(string seed, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(seed);
        for (var i = 0; i < 12; i++)
            yield return ("truncated", bytes[..random.Next(1, bytes.Length)], "application/json");
        byte[] invalid = [0xFF, 0xC0, 0x80, 0xFE];
        for (var i = 0; i < 12; i++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[random.Next(flipped.Length)] = invalid[random.Next(invalid.Length)];
            yield return ("invalid UTF-8", flipped, "application/json");
        }
        var values = ValueSpans(seed);
        foreach (var hostile in HostileValues)
        {
            var (start, length) = values[random.Next(values.Count)];
            yield return ($"value replaced by {Abbreviate(hostile)}", Encoding.UTF8.GetBytes(seed[..start] + hostile + seed[(start + length)..]), "application/json");
        }
        foreach (var shape in WrongShapes)
            yield return ($"shape {shape}", Encoding.UTF8.GetBytes(shape), "application/json");
        foreach (var contentType in WrongContentTypes)
            yield return ($"content type {contentType}", bytes, contentType);
        yield return ("no content type", bytes, "");
    }

    /// <summary>Where the seed's scalar values are (start, length), to swap one for a hostile value.</summary>
    private static List<(int Start, int Length)> ValueSpans(string json)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != ':' && json[i] != '[' && json[i] != ',') continue;
            var start = i + 1;
            while (start < json.Length && json[start] == ' ') start++;
            if (start >= json.Length || json[start] is '{' or '[' or ']' or '}') continue;
            var end = start;
            if (json[start] == '"')
            {
                end = json.IndexOf('"', start + 1) + 1;
                if (end < json.Length && json[end] == ':') continue; // a key in an array of objects, not a value
            }
            else
                while (end < json.Length && json[end] is not (',' or '}' or ']')) end++;
            if (end > start) spans.Add((start, end - start));
        }
        return spans;
    }

    private static string Abbreviate(string value) => value.Length > 24 ? value[..12] + $"…({value.Length} chars)" : value;

    private async Task<(long Definitions, long Instances)> CountAsync()
    {
        var definitions = await (await _host.Client.GetAsync(ApiClientExtensions.Definitions)).ReadNodeAsync();
        return (definitions["totalCount"]!.GetValue<long>(), await _host.InstanceCountAsync());
    }

    [Fact]
    public async Task Every_mutated_body_is_a_4xx_problem_and_creates_nothing()
    {
        var before = await CountAsync();
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, url, seed) in Routes())
        {
            var mutations = Mutations(seed, random).ToList();
            if (url.StartsWith("/workflows/", StringComparison.Ordinal))
                mutations.AddRange(WebhookTypeMutations().Select(body => ("wrong input type", Encoding.UTF8.GetBytes(body), "application/json")));
            foreach (var (kind, body, contentType) in mutations)
            {
                using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
                if (contentType.Length > 0) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                using var response = await _host.Client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || type != "application/problem+json")
                    failures.Add($"{method} {url} [{kind}] → {status} {type}: {Abbreviate(await response.Content.ReadAsStringAsync())}");
            }
        }

        sent.Should().BeGreaterThan(400);
        failures.Should().BeEmpty();
        (await CountAsync()).Should().Be(before);
    }

    private static IEnumerable<string> WebhookTypeMutations()
    {
        yield return """{"count":3}""";
        yield return """{"title":null}""";
        yield return """{"title":42}""";
        yield return """{"title":true}""";
        yield return """{"title":["a"]}""";
        yield return """{"title":{"a":1}}""";
        yield return """{"title":"x","count":"3"}""";
        yield return """{"title":"x","count":1.5}""";
        yield return """{"title":"x","count":10000000000}""";
        yield return """{"title":"x","tags":"network"}""";
        yield return """{"title":"x","tags":[1,2]}""";
    }
}
