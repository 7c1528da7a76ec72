using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itsm.Benchmarks.Http;

/// <summary>
/// A minimal in-process Kestrel endpoint on 127.0.0.1 (ephemeral port) that reads the request body
/// and answers 200 "ok". It lets <c>load --self-test</c> and <c>peak --self-test</c> check the
/// generator end to end, and its own request count cross-checks what the generator claims to have sent.
/// </summary>
public sealed class SelfTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<long> _served;

    private SelfTestServer(WebApplication app, Uri baseUri, StrongBox<long> served)
    {
        _app = app;
        BaseUri = baseUri;
        _served = served;
    }

    public Uri BaseUri { get; }

    public long RequestsServed => Interlocked.Read(ref _served.Value);

    public static async Task<SelfTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        // An explicit, empty content root: the bench must not pick up an appsettings.json or
        // ASPNETCORE_URLS meant for the orchestrator.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var served = new StrongBox<long>();
        app.Run(async context =>
        {
            // Drain the body like a real handler would, so request size costs what it costs.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            Interlocked.Increment(ref served.Value);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", context.RequestAborted).ConfigureAwait(false);
        });

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SelfTestServer(app, new Uri(address.EndsWith('/') ? address : address + "/"), served);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
