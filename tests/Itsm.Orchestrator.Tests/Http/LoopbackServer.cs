using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Tests.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port: the partner system <c>Elsa.SendHttpRequest</c> calls. Records
/// every request it gets, so a test can prove a refused call never left the host.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _flakyCalls;

    private LoopbackServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string? Authorization)> Requests { get; } = new();
    public Uri BaseUrl { get; private set; } = null!;
    public int Port => BaseUrl.Port;

    /// <summary>This server's URL for <paramref name="pathAndQuery"/>, on 127.0.0.1.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).ToString();

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.FirstOrDefault()));
            await next(context);
        });
        app.MapGet("/ticket", (HttpContext context) =>
        {
            context.Response.Headers["X-Ticket"] = "42";
            return Results.Json(new { id = 42, state = "open" });
        });
        app.MapPost("/tickets", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Text(body, context.Request.ContentType, statusCode: 201);
        });
        app.Map("/echo-auth", (HttpContext context) => Results.Text(context.Request.Headers.Authorization.FirstOrDefault() ?? "(none)"));
        app.Map("/redirect", (string to) => Results.Redirect(to));
        app.MapGet("/set-cookie", (HttpContext context) =>
        {
            context.Response.Headers.SetCookie = "session=partner-secret; Path=/";
            return Results.Text("cookie set");
        });
        app.MapGet("/echo-cookie", (HttpContext context) => Results.Text(context.Request.Headers.Cookie.FirstOrDefault() ?? "(none)"));
        app.Map("/flaky", () => Interlocked.Increment(ref server._flakyCalls) <= 2 ? Results.StatusCode(503) : Results.Text("recovered"));
        app.MapGet("/big", () => Results.Text(new string('x', 5000)));
        app.MapGet("/slow", async (CancellationToken aborted) =>
        {
            await Task.Delay(Timeout.Infinite, aborted);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
