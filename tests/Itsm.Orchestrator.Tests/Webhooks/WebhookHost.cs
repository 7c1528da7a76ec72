using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Api.Webhooks;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>
/// A host on its own data with nothing seeded and extra settings (secrets, limits), a client speaking as the test
/// system (API key) and an anonymous one, as monitoring systems call webhooks.
/// </summary>
public sealed class WebhookHost : IAsyncDisposable
{
    private readonly string _workflowsPath;
    private readonly ItsmAppFactory _root;

    public WebhookHost(IReadOnlyDictionary<string, string>? settings = null)
    {
        _workflowsPath = Path.Combine(Path.GetTempPath(), "itsm-tests", "empty-workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workflowsPath);
        _root = new ItsmAppFactory(workflowsPath: _workflowsPath);
        Factory = _root.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                builder.UseSetting(key, value);
        });
        Client = Factory.CreateClient();
        Anonymous = Factory.CreateClient();
        Anonymous.DefaultRequestHeaders.Authorization = null;
    }

    public WebApplicationFactory<Program> Factory { get; }
    public ItsmAppFactory Root => _root;
    public HttpClient Client { get; }
    public HttpClient Anonymous { get; }

    public IServiceProvider Services => Factory.Services;

    public DateTimeOffset Now => _root.Clock.GetUtcNow();

    /// <summary>A POST-only webhook trigger on <paramref name="path"/>, its extra inputs merged into the HttpEndpoint activity.</summary>
    public static FlowBuilder Hook(string definitionId, string path, params (string Name, JsonNode? Value)[] extra)
        => new FlowBuilder(definitionId, definitionId)
            .Activity("hook", "Elsa.HttpEndpoint", [("path", Literal("String", path)), ("supportedMethods", Obj("String[]", "[\"POST\"]")), .. extra])
            .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "received")))
            .Chain("hook", "log")
            .Trigger("hook");

    public Task<HttpResponseMessage> SaveAsync(JsonObject model, bool publish = true)
        => Client.PostJsonAsync(ApiClientExtensions.Definitions, new JsonObject { ["model"] = model, ["publish"] = publish });

    public async Task PublishAsync(FlowBuilder flow) => await Client.SaveAsync(flow, publish: true);

    public static HttpRequestMessage Post(string url, string body, string? signature = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return request;
    }

    public Task<long> InstanceCountAsync() => Client.InstanceCountAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        try
        {
            Directory.Delete(_workflowsPath, recursive: true);
        }
        catch (IOException)
        {
            // An empty temp folder left behind is harmless.
        }
    }

    public static MediaTypeHeaderValue Json => new("application/json");
}
