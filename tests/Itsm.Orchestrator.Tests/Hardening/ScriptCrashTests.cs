using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Hardening;

/// <summary>
/// Scripts that used to end the whole process (a stack overflow .NET cannot catch) or hold a thread far past
/// the script limit, run against a real orchestrator in a child process: a regression kills that process and
/// fails these tests instead of the test runner. Each must leave a Faulted instance with a readable fault, and
/// the node must still answer.
/// </summary>
public sealed class ScriptCrashTests(ScriptCrashTests.Node node) : IClassFixture<ScriptCrashTests.Node>
{
    private const string DeepObject = "let o = {}; for (let i = 0; i < 20000; i++) o = { a: o };";
    private const string DeepArray = "let o = []; for (let i = 0; i < 20000; i++) o = [o];";
    private const string StackExhausted = "Maximum call stack size exceeded";
    private const string TooDeep = "nested deeper than 64 levels";

    private static readonly (string Route, string Script)[] Flows =
    [
        ("object-returned", DeepObject + " return o;"),
        ("array-returned", DeepArray + " return o;"),
        ("object-stringified", DeepObject + " return JSON.stringify(o);"),
        ("array-joined", DeepArray + " return o.join(',');"),
        ("array-concatenated", DeepArray + " return '' + o;"),
        ("array-string-converted", DeepArray + " return String(o);"),
        ("object-set", DeepObject + " setVariable('Result', o); return 1;"),
        ("body-nested-further", "let o = input; for (let i = 0; i < 20000; i++) o = { wrapped: o }; return JSON.stringify(o);"),
        ("body-returned", "return input;"),
        ("catastrophic-regex", "return /(a+)+$/.test('a'.repeat(40) + '!');"),
    ];

    private HttpClient Client => node.Client;

    /// <summary>One orchestrator process for the class, seeded with one webhook flow per crashing script.</summary>
    public sealed class Node : IAsyncLifetime
    {
        private const string ApiKey = "script-crash-test-api-key-0123456789abcdef";
        private readonly string _root = Directory.CreateTempSubdirectory("itsm-scripts-").FullName;
        private OrchestratorProcess? _process;

        public HttpClient Client { get; private set; } = null!;

        private static string Orchestrator => Path.Combine(AppContext.BaseDirectory, "Itsm.Orchestrator.dll");

        public async Task InitializeAsync()
        {
            var workflows = Path.Combine(_root, "workflows");
            Directory.CreateDirectory(workflows);
            foreach (var (route, script) in Flows)
            {
                var flow = new FlowBuilder($"crash-{route}")
                    .Variable("Result", "Object")
                    .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", $"crash/{route}")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
                    .Activity("run", "Elsa.SetVariable", ("variable", VariableRef("Result")), ("value", Js("Object", script)))
                    .Chain("hook", "run").Trigger("hook");
                await File.WriteAllTextAsync(Path.Combine(workflows, $"crash-{route}.json"), flow.ToJson());
            }
            _process = await OrchestratorProcess.StartAsync(Orchestrator, Path.Combine(_root, "data"), workflows, ApiKey, default, TestDatabase.ProcessEnvironment(Path.Combine(_root, "data")));
            Client = new HttpClient { BaseAddress = _process.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (_process is not null) await _process.DisposeAsync();
            TestDatabase.Release(Path.Combine(_root, "data"));
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("object-returned", TooDeep)]
    [InlineData("array-returned", TooDeep)]
    [InlineData("object-stringified", StackExhausted)]
    [InlineData("array-joined", StackExhausted)]
    [InlineData("array-concatenated", StackExhausted)]
    [InlineData("array-string-converted", StackExhausted)]
    [InlineData("object-set", TooDeep)]
    [InlineData("body-nested-further", StackExhausted)]
    [InlineData("catastrophic-regex", "regular expression")]
    public async Task Crashing_script_faults_its_instance_and_the_node_keeps_answering(string route, string expected)
    {
        var fault = await StartAndReadFaultAsync(route, """{"site":"Warehouse 3"}""");

        fault.Should().Contain(expected).And.Contain("`", "the fault names the script").And.NotContain("   at ");
        await NodeShouldBeHealthyAsync();
    }

    [Fact]
    public async Task Deeply_nested_body_wrapped_deeper_by_a_script_faults_instead_of_crashing()
    {
        // 25 levels: deep, and still readable back through the instance API (MVC's serializer stops at 32 levels).
        var fault = await StartAndReadFaultAsync("body-nested-further", Nested(25));

        fault.Should().Contain(StackExhausted);
        await NodeShouldBeHealthyAsync();
    }

    [Fact]
    public async Task Body_nested_20000_deep_is_refused_as_bad_input_and_starts_nothing()
    {
        using var response = await Client.PostAsync("workflows/crash/body-returned", new StringContent(Nested(20_000), Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        await NodeShouldBeHealthyAsync();
    }

    private async Task<string> StartAndReadFaultAsync(string route, string body)
    {
        using var response = await Client.PostAsync($"workflows/crash/{route}", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, text);
        var instanceId = JsonDocument.Parse(text).RootElement.GetProperty("instanceId").GetString();

        using var read = await Client.GetAsync($"elsa/api/workflow-instances/{instanceId}");
        var instanceText = await read.Content.ReadAsStringAsync();
        read.StatusCode.Should().Be(HttpStatusCode.OK, instanceText);
        JsonDocument.Parse(instanceText).RootElement.GetProperty("subStatus").GetString().Should().Be("Faulted");
        var faults = await Client.GetFromJsonAsync<JsonElement>($"api/instances/{instanceId}/faults");
        var fault = faults.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        fault.GetProperty("activityId").GetString().Should().Be("run");
        return fault.GetProperty("message").GetString()!;
    }

    private async Task NodeShouldBeHealthyAsync()
    {
        using var health = await Client.GetAsync("health");
        health.StatusCode.Should().Be(HttpStatusCode.OK, "the node survived the script");
    }

    /// <summary>An object nested <paramref name="depth"/> levels deep: {"a":{"a":…{}}}.</summary>
    private static string Nested(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth - 1; i++) text.Append("{\"a\":");
        text.Append("{}");
        text.Append('}', depth - 1);
        return text.ToString();
    }
}
