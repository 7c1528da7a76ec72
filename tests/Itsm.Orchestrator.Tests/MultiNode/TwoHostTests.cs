using System.Text;
using Itsm.Activities.Engine;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Plugins;
using Itsm.Orchestrator.Tests.Support;
using Itsm.TestPlugins;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>Two real hosts on one PostgreSQL database: one executor per instance, and definitions kept in step.</summary>
public sealed class TwoHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private PostgreSqlTestDatabase _database = null!;
    private readonly string _noWorkflows = Path.Combine(Path.GetTempPath(), "itsm-tests", Guid.NewGuid().ToString("N"));
    private readonly CountingDirectory _directory = new();
    private ItsmAppFactory _a = null!;
    private ItsmAppFactory _b = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        // Nothing to seed: these tests publish what they need (and two hosts seeding one database at once is not theirs to test).
        Directory.CreateDirectory(_noWorkflows);
        _a = Host();
        _b = Host();
        _ = _a.Services;
        _ = _b.Services;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_noWorkflows, recursive: true);
    }

    private ItsmAppFactory Host()
    {
        var host = new ItsmAppFactory(workflowsPath: _noWorkflows)
        {
            TestServices = services => services
                .AddItsmActivities(a => a.AddActivity<LookUpCustomerTier>())
                .AddSingleton<ICustomerDirectory>(_directory),
        };
        host.Settings["Itsm:Persistence:Provider"] = "PostgreSql";
        host.Settings["ConnectionStrings:Itsm"] = _database.ConnectionString;
        return host;
    }

    /// <summary>The step's side effect, outside any transaction: counts calls and notes any two at once.</summary>
    private sealed class CountingDirectory : ICustomerDirectory
    {
        private int _inside;
        private int _calls;
        private int _overlaps;

        public int Calls => Volatile.Read(ref _calls);

        public int Overlaps => Volatile.Read(ref _overlaps);

        public async Task<string?> FindTierAsync(string customerId, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _inside) != 1) Interlocked.Increment(ref _overlaps);
            Interlocked.Increment(ref _calls);
            await Task.Yield();
            Interlocked.Decrement(ref _inside);
            return "gold";
        }
    }

    [Fact]
    public async Task Two_hosts_resuming_one_bookmark_run_the_step_once_and_the_loser_hears_already_resumed()
    {
        await _a.PublishAsync(new FlowBuilder("vendor-wait")
            .Variable("Tier", "String")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "vendor-reply")))
            .Activity("tier", "Acme.LookUpCustomerTier", ("customerId", Literal("String", "c-7")), ("tier", ThirdPartyActivityTests.Into("Tier")))
            .Chain("wait", "tier")
            .ToJson());

        const int races = 50;
        for (var i = 0; i < races; i++)
        {
            var started = await _a.Runtime.StartAsync(new StartRequest("vendor-wait"), CancellationToken.None);
            var bookmark = started.State!.Bookmarks.Should().ContainSingle().Subject.Id;

            var outcomes = await Task.WhenAll(
                Task.Run(() => _a.Runtime.ResumeBookmarkAsync(bookmark, null, CancellationToken.None)),
                Task.Run(() => _b.Runtime.ResumeBookmarkAsync(bookmark, null, CancellationToken.None)));

            outcomes.Select(o => o.Outcome).Should().BeEquivalentTo([ResumeOutcome.Resumed, ResumeOutcome.NotFound], $"race {i}");
            (await _b.InstanceAsync(started.State.InstanceId)).Variable("Tier").Should().Be("gold");
        }
        _directory.Calls.Should().Be(races, "each resumed step ran on one host only");
        _directory.Overlaps.Should().Be(0);
    }

    [Fact]
    public async Task A_webhook_published_on_one_host_starts_on_the_other_and_stops_when_retracted()
    {
        await _a.PublishAsync(new FlowBuilder("intake")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "/intake")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "received")))
            .Chain("hook", "log")
            .Trigger("hook")
            .ToJson());
        using var client = _b.CreateClient();

        (await Eventually.HoldsAsync(async () => (await PostAsync(client)).IsSuccessStatusCode, Deadline))
            .Should().BeTrue("host B starts the definition host A published");

        (await _a.Definitions.RetractAsync("intake", CancellationToken.None)).Should().NotBeNull();
        (await Eventually.HoldsAsync(async () => (await PostAsync(client)).StatusCode == System.Net.HttpStatusCode.NotFound, Deadline))
            .Should().BeTrue("host B stops starting it once host A retracted it");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/workflows/intake", UriKind.Relative), body);
    }
}
