using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Itsm.Orchestrator.Tests.Security;

/// <summary>
/// The real host (<see cref="ItsmAppFactory"/>) with security settings laid over whatever the factory configures:
/// added as the last configuration source, they win over both <c>UseSetting</c> and earlier in-memory sources.
/// An empty string switches a setting off (no API key: the development key; no admin password: a generated one).
/// Clients are created without the factory's default Authorization header and keep cookies but not redirects.
/// </summary>
public sealed class SecurityTestApp : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-tests";
    public const string ApiKey = "security-tests-api-key-0123456789abcdef";

    private readonly ItsmAppFactory _root;
    private readonly WebApplicationFactory<Program> _app;

    /// <param name="settings">More settings laid over the others (e.g. <c>Itsm:Security:RateLimits:FailuresPerWindow</c>).</param>
    /// <param name="environment">The host environment instead of the factory's "Testing".</param>
    public SecurityTestApp(
        string? apiKey = ApiKey,
        string? adminPassword = AdminPassword,
        string? dataPath = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? environment = null)
    {
        _root = new ItsmAppFactory(dataPath);
        _app = _root.WithWebHostBuilder(builder =>
        {
            if (environment is not null)
            {
                builder.UseEnvironment(environment);
            }

            builder.ConfigureAppConfiguration((_, configuration) =>
            {
                var values = new Dictionary<string, string?>
                {
                    ["Itsm:ApiKeys:0"] = apiKey ?? "",
                    ["Itsm:AdminPassword"] = adminPassword ?? "",
                };
                foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                {
                    values[key] = value;
                }

                configuration.AddInMemoryCollection(values);
            });
        });
    }

    public string DataPath => _root.DataPath;

    public IServiceProvider Services => _app.Services;

    public HttpClient Client()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client that keeps no cookies: tests send the <c>Cookie</c> header themselves (a copied cookie).</summary>
    public HttpClient ClientWithoutCookies()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    /// <summary>A client signed in as <paramref name="userName"/> (asserts that the sign-in succeeded).</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = Client();
        var response = await SignInAsync(client, userName, password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
    }

    public static async Task CreateUserAsync(HttpClient admin, string userName, string password, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = userName, password, roles });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _root.DisposeAsync();
    }
}
