using System.Net;
using System.Text.Json;
using Itsm.Orchestrator.Hosting;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_reports_the_provider_and_where_the_data_lives_without_a_password()
    {
        await using var app = new ItsmAppFactory();
        var health = await HealthAsync(app);

        var persistence = app.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        health.GetProperty("status").GetString().Should().Be("Healthy");
        health.GetProperty("provider").GetString().Should().Be(persistence.Provider.ToString());
        var database = health.GetProperty("database").GetString();
        database.Should().Be(app.Services.GetRequiredService<IDatabaseSetup>().Describe()).And.NotBeNullOrWhiteSpace();
        database.Should().NotContainEquivalentOf("password");
        health.GetProperty("node").GetString().Should().Be(app.Services.GetRequiredService<NodeIdentity>().Name);
    }

    [Fact]
    public async Task Health_lists_this_nodes_hangfire_server_marked_as_its_own()
    {
        await using var app = new ItsmAppFactory(realTimers: true);
        var node = app.Services.GetRequiredService<NodeIdentity>().Name;

        // Hangfire's server announces itself shortly after the host starts.
        JsonElement server = default;
        (await Eventually.HoldsAsync(async () =>
        {
            var servers = (await HealthAsync(app)).GetProperty("hangfire").GetProperty("servers");
            if (servers.GetArrayLength() == 0) return false;
            server = servers[0];
            return true;
        })).Should().BeTrue();

        server.GetProperty("name").GetString().Should().StartWith(node + ":");
        server.GetProperty("thisNode").GetBoolean().Should().BeTrue();
        server.GetProperty("workers").GetInt32().Should().Be(16);
        server.GetProperty("queues").EnumerateArray().Select(q => q.GetString()).Should().Equal("default");
        server.GetProperty("heartbeat").GetDateTime().Should().BeAfter(DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_host_without_a_hangfire_server_lists_none_of_its_own()
    {
        await using var app = new ItsmAppFactory();

        var hangfire = (await HealthAsync(app)).GetProperty("hangfire");

        hangfire.GetProperty("servers").EnumerateArray().Should().NotContain(s => s.GetProperty("thisNode").GetBoolean());
        hangfire.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Node_names_tell_apart_processes_on_one_machine_and_own_their_hangfire_server_ids()
    {
        var one = new NodeIdentity("Web-1", 42, "a1b2c3");
        var other = new NodeIdentity("Web-1", 42, "d4e5f6");

        one.Name.Should().Be("web-1.42.a1b2c3");
        one.Name.Should().NotBe(other.Name);
        one.OwnsServer("web-1.42.a1b2c3:42:0b7c2c6e-52d6-4bb0-9f36-3c0f4a4d8e11").Should().BeTrue();
        one.OwnsServer("web-1.42.d4e5f6:42:0b7c2c6e-52d6-4bb0-9f36-3c0f4a4d8e11").Should().BeFalse();
    }

    private static async Task<JsonElement> HealthAsync(ItsmAppFactory app)
    {
        using var response = await app.CreateClient().GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
