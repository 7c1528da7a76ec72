using System.Collections;
using System.Globalization;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Plugins;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.Options;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Http;

/// <summary>
/// <c>Elsa.SendHttpRequest</c> through the real host against a real server on 127.0.0.1: loopback is refused
/// unless <c>Itsm:Http:AllowedHosts</c> opens it, and redirects are checked hop by hop.
/// </summary>
public sealed class SendHttpRequestTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _app = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }

    private IServiceProvider Host(params string[] allowedHosts) => Host(allowedHosts, new Dictionary<string, string>());

    private IServiceProvider Host(string[] allowedHosts, Dictionary<string, string> settings)
    {
        settings.TryAdd("Itsm:Http:RetryBaseDelay", "00:00:00");
        for (var i = 0; i < allowedHosts.Length; i++) settings[$"Itsm:Http:AllowedHosts:{i}"] = allowedHosts[i];
        return PluginHost.With(_app, settings).Services;
    }

    private static string CallFlow(string id, string url, string method = "GET", string? authorization = null, string? content = null)
    {
        var inputs = new List<(string, System.Text.Json.Nodes.JsonNode?)>
        {
            ("url", Literal("String", url)),
            ("method", Literal("String", method)),
            ("statusCode", Into("Status")),
            ("parsedContent", Into("Body")),
            ("headers", Into("Headers")),
        };
        if (authorization is not null) inputs.Add(("authorization", Literal("String", authorization)));
        if (content is not null) inputs.Add(("content", Literal("String", content)));
        return new FlowBuilder(id)
            .Variable("Status", "Int32")
            .Variable("Body", "Object")
            .Variable("Headers", "Object")
            .Activity("start", "Elsa.Start")
            .Activity("call", "Elsa.SendHttpRequest", [.. inputs])
            .Chain("start", "call")
            .ToJson();
    }

    /// <summary>An output bound to a workflow variable, as Elsa's designer writes it.</summary>
    private static System.Text.Json.Nodes.JsonObject Into(string variable)
        => new() { ["typeName"] = "Object", ["memoryReference"] = new System.Text.Json.Nodes.JsonObject { ["id"] = variable + "-id" } };

    private static async Task<WorkflowState> RunAsync(IServiceProvider host, string id, string url, string method = "GET", string? authorization = null)
    {
        await host.PublishAsync(CallFlow(id, url, method, authorization));
        return await host.StartAsync(new StartRequest(id));
    }

    private static object? Field(object? value, string name) => value switch
    {
        IDictionary<string, object?> map => map.TryGetValue(name, out var found) ? found : null,
        IDictionary map => map[name],
        _ => null,
    };

    [Fact]
    public async Task Get_to_an_allow_listed_server_exposes_status_parsed_body_and_headers()
    {
        var host = Host("127.0.0.1");

        var state = await RunAsync(host, "get-ticket", _server.Url("ticket"));

        state.Status.Should().Be(InstanceStatus.Finished, state.Fault?.Message);
        state.Variables["Status"].Should().Be(200);
        Convert.ToInt32(Field(state.Variables["Body"], "id"), CultureInfo.InvariantCulture).Should().Be(42);
        Field(state.Variables["Headers"], "x-ticket").Should().Be("42");
    }

    [Fact]
    public async Task Loopback_server_is_refused_without_the_allow_list_and_nothing_is_sent()
    {
        var host = Host();

        var state = await RunAsync(host, "refused-loopback", _server.Url("ticket"));

        state.Status.Should().Be(InstanceStatus.Faulted);
        state.Fault!.Retryable.Should().BeFalse("a refused destination stays refused");
        state.Fault.Message.Should().Contain("loopback").And.Contain("Itsm:Http:AllowedHosts");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Localhost_by_name_is_refused_after_resolution_without_the_allow_list()
    {
        var host = Host();

        var state = await RunAsync(host, "refused-localhost", $"http://localhost:{_server.Port}/ticket");

        state.Status.Should().Be(InstanceStatus.Faulted);
        state.Fault!.Message.Should().Contain("loopback");
        _server.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://10.255.255.1/admin", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[::ffff:10.0.0.1]/", "private")]
    [InlineData("http://[::1]/", "loopback")]
    public async Task Redirect_to_a_non_public_address_is_refused(string target, string reason)
    {
        var host = Host("127.0.0.1");

        var state = await RunAsync(host, "redirect-private", _server.Url("redirect?to=" + Uri.EscapeDataString(target)));

        state.Status.Should().Be(InstanceStatus.Faulted);
        state.Fault!.Retryable.Should().BeFalse();
        state.Fault.Message.Should().Contain(reason);
        _server.Requests.Should().ContainSingle(r => r.Path == "/redirect", "only the first hop was sent");
    }

    [Fact]
    public async Task Redirect_to_another_scheme_is_refused()
    {
        var host = Host("127.0.0.1");

        var state = await RunAsync(host, "redirect-file", _server.Url("redirect?to=" + Uri.EscapeDataString("file:///etc/passwd")));

        state.Status.Should().Be(InstanceStatus.Faulted);
        state.Fault!.Message.Should().Contain("only http and https");
    }

    [Fact]
    public async Task Authorization_follows_a_same_origin_redirect_but_not_a_cross_origin_one()
    {
        var host = Host("127.0.0.1", "localhost");

        var same = await RunAsync(host, "auth-same", _server.Url("redirect?to=/echo-auth"), authorization: "Bearer s3cret");
        var cross = await RunAsync(host, "auth-cross",
            _server.Url("redirect?to=" + Uri.EscapeDataString($"http://localhost:{_server.Port}/echo-auth")), authorization: "Bearer s3cret");

        same.Variables["Body"].Should().Be("Bearer s3cret");
        cross.Status.Should().Be(InstanceStatus.Finished, cross.Fault?.Message);
        cross.Variables["Body"].Should().Be("(none)", "another origin must not get the workflow's credentials");
    }

    [Fact]
    public async Task No_credentials_or_cookies_are_sent_that_the_workflow_did_not_give()
    {
        var host = Host("127.0.0.1");

        var auth = await RunAsync(host, "no-auth", _server.Url("echo-auth"));
        await RunAsync(host, "cookie-set", _server.Url("set-cookie"));
        var cookie = await RunAsync(host, "cookie-echo", _server.Url("echo-cookie"));

        auth.Variables["Body"].Should().Be("(none)");
        cookie.Variables["Body"].Should().Be("(none)", "one workflow's cookies must not ride along on another's calls");
    }

    [Fact]
    public async Task Idempotent_get_is_retried_on_503_until_it_succeeds()
    {
        var host = Host("127.0.0.1");

        var state = await RunAsync(host, "flaky-get", _server.Url("flaky"));

        state.Variables["Status"].Should().Be(200);
        state.Variables["Body"].Should().Be("recovered");
        _server.Requests.Count(r => r.Path == "/flaky").Should().Be(3);
    }

    [Fact]
    public async Task Post_is_never_retried()
    {
        var host = Host("127.0.0.1");

        var state = await RunAsync(host, "flaky-post", _server.Url("flaky"), method: "POST");

        state.Status.Should().Be(InstanceStatus.Finished);
        state.Variables["Status"].Should().Be(503, "the partner's answer is the workflow's to route on");
        _server.Requests.Count(r => r.Path == "/flaky").Should().Be(1);
    }

    [Fact]
    public async Task Response_larger_than_the_cap_faults_the_step()
    {
        var host = Host(["127.0.0.1"], new Dictionary<string, string> { ["Itsm:Http:MaxResponseBytes"] = "1000" });

        var state = await RunAsync(host, "too-big", _server.Url("big"));

        state.Status.Should().Be(InstanceStatus.Faulted);
        state.Fault!.Message.Should().Contain("MaxResponseBytes");
        state.Fault.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Call_that_outlasts_the_timeout_on_the_host_clock_faults_retryably()
    {
        var host = Host(["127.0.0.1"], new Dictionary<string, string> { ["Itsm:Http:Timeout"] = "00:00:10", ["Itsm:Http:MaxRetries"] = "0" });
        await host.PublishAsync(CallFlow("slow", _server.Url("slow")));

        var running = host.StartAsync(new StartRequest("slow"));
        (await Eventually.HoldsAsync(() => Task.FromResult(_server.Requests.Any(r => r.Path == "/slow")))).Should().BeTrue();
        _app.Clock.Advance(TimeSpan.FromSeconds(10));
        var state = await running;

        state.Status.Should().Be(InstanceStatus.Faulted);
        state.Fault!.Message.Should().Contain("timed out");
        state.Fault.Retryable.Should().BeTrue();
    }

    [Fact]
    public void Unparseable_allow_list_entry_stops_the_host_naming_the_setting()
    {
        var start = () => Host("10.0.0.0/33");

        start.Should().Throw<OptionsValidationException>().WithMessage("*Itsm:Http:AllowedHosts:0*");
    }

    [Fact]
    public void Sender_is_a_required_port_of_SendHttpRequest()
        => ActivityPorts.RequiredOf(typeof(Activities.Primitives.SendHttpRequest)).Should().Contain(typeof(Activities.Ports.IHttpRequestSender));
}
