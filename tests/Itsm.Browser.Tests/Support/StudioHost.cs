using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// The real host on a real loopback port (Kestrel, so a browser can reach it), on a SQLite file in a temp folder,
/// seeded with the shipped value streams (<c>workflows/</c>), with the users of <see cref="StudioUser.Created"/>.
/// The system clock and Hangfire's server stay real: a browser test watches the product as it runs.
/// </summary>
public sealed class StudioHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "browser-tests-admin-password";
    public const string ApiKey = "browser-tests-api-key-0123456789abcdef";

    public StudioHost()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "itsm-browser-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(0);
    }

    public string DataPath { get; }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:40123</c> (after <see cref="StartAsync"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the server and creates the users; call once.</summary>
    public async Task StartAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Kestrel may report its wildcard form; the browser and the cookie need the loopback address.
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        using var admin = await SignedInClientAsync(StudioUser.Admin);
        foreach (var user in StudioUser.Created)
        {
            var response = await admin.PostAsJsonAsync("/api/users", new { userName = user.UserName, displayName = user.UserName, password = user.Password, roles = user.Roles });
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>An HTTP client on the real port that keeps cookies and does not follow redirects.</summary>
    public HttpClient AnonymousClient()
        => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>A client signed in through the form, as a browser is.</summary>
    public async Task<HttpClient> SignedInClientAsync(StudioUser user)
    {
        var client = AnonymousClient();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user.UserName,
            ["password"] = user.Password,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user.UserName} signs in: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Itsm:DataPath", DataPath);
        builder.UseSetting("Itsm:Persistence:Provider", "Sqlite");
        builder.UseSetting("Itsm:ApiKeys:0", ApiKey);
        builder.UseSetting("Itsm:AdminPassword", AdminPassword);
        builder.UseSetting("Itsm:Records:SeedDemoEstate", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle on a temp folder is not worth failing a test over.
        }
    }
}
