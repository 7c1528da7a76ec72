using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Itsm.Orchestrator.Timers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Timers;

/// <summary>
/// Two nodes' horizons over one database (the test host's), sharing a cluster: the logic that keeps every timer
/// armed once across nodes, whatever the provider.
/// </summary>
public sealed class TimerHorizonClusterTests
{
    private static string DelayFlow(string id, string span) => new FlowBuilder(id)
        .Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", span)))
        .Activity("done", "Elsa.SetVariable", ("variable", VariableRef("Done")), ("value", Literal("Object", "true")))
        .Variable("Done", "Boolean", "false")
        .Connect("pause", "done").ToJson();

    private static TimerHorizon Horizon(ItsmAppFactory app, ManualTimerScheduler jobs, ITimerCluster cluster)
        => new(jobs, app.Store, cluster, app.Clock, Options.Create(new TimerOptions()), NullLogger<TimerHorizon>.Instance);

    [Fact]
    public async Task Only_the_scanning_node_arms_due_timers()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayFlow("cluster-scan", "00:05:00"));
        await app.Runtime.StartAsync(new StartRequest("cluster-scan"), default);
        var cluster = new SharedTimerCluster { Scanning = "a" };
        var (jobsA, jobsB) = (new ManualTimerScheduler(), new ManualTimerScheduler());
        var (a, b) = (Horizon(app, jobsA, cluster.Node("a")), Horizon(app, jobsB, cluster.Node("b")));

        (await b.ScanAsync(default)).Should().Be(0, "another node scans");
        (await a.ScanAsync(default)).Should().Be(1);
        (await a.ScanAsync(default)).Should().Be(0, "armed already");

        jobsA.Armed.Should().ContainSingle();
        jobsB.Armed.Should().BeEmpty();
        cluster.Armed.Should().ContainSingle();
    }

    [Fact]
    public async Task A_timer_another_node_armed_at_commit_is_not_armed_again_by_the_scan()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayFlow("cluster-commit", "00:05:00"));
        var started = await app.Runtime.StartAsync(new StartRequest("cluster-commit"), default);
        var timer = app.Timers.Armed.Single();
        var cluster = new SharedTimerCluster { Scanning = "scanner" };
        var (committing, scanning) = (new ManualTimerScheduler(), new ManualTimerScheduler());
        // The committing node arms its new near timer at once, as WorkflowRuntime does after a commit.
        Horizon(app, committing, cluster.Node("committer")).Arm(started.InstanceId!, timer.BookmarkId, timer.DueAt);

        (await Horizon(app, scanning, cluster.Node("scanner")).ScanAsync(default)).Should().Be(0);

        committing.Armed.Should().ContainSingle();
        scanning.Armed.Should().BeEmpty("the commit's node recorded it in the cluster");
    }

    [Fact]
    public async Task When_the_scanning_node_dies_the_next_one_rearms_its_lost_timer_once_and_keeps_the_others()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayFlow("cluster-takeover", "00:02:00"));
        await app.Runtime.StartAsync(new StartRequest("cluster-takeover"), default);
        await app.Runtime.StartAsync(new StartRequest("cluster-takeover"), default);
        var cluster = new SharedTimerCluster { Scanning = "a" };
        var (jobsA, jobsB) = (new ManualTimerScheduler(), new ManualTimerScheduler());
        (await Horizon(app, jobsA, cluster.Node("a")).ScanAsync(default)).Should().Be(2);

        // Node a dies: its lock goes with it. Its jobs live in the shared storage; none is due yet.
        cluster.Scanning = null;
        var b = Horizon(app, jobsB, cluster.Node("b"));
        (await b.ScanAsync(default)).Should().Be(0, "the dead node's jobs are still in the shared storage");

        // Both timers fall due; well after that, they are still pending (the dead node had fetched their jobs).
        app.Clock.Advance(TimeSpan.FromMinutes(2) + new TimerOptions().RearmAfter + TimeSpan.FromSeconds(1));
        (await b.ScanAsync(default)).Should().Be(2, "a timer still pending long after it was due has lost its job");
        (await b.ScanAsync(default)).Should().Be(0, "re-armed once, not at every scan");

        jobsB.Armed.Should().HaveCount(2);
        cluster.Armed.Should().HaveCount(2, "the older records of the same timers are forgotten");
    }

    [Fact]
    public async Task Records_of_resumed_timers_are_forgotten_by_the_scanning_node()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayFlow("cluster-forget", "00:01:00"));
        var started = await app.Runtime.StartAsync(new StartRequest("cluster-forget"), default);
        var cluster = new SharedTimerCluster { Scanning = "a" };
        var horizon = Horizon(app, new ManualTimerScheduler(), cluster.Node("a"));
        await horizon.ScanAsync(default);
        cluster.Armed.Should().ContainSingle();

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Timers.FireDueAsync();
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(Itsm.Activities.Model.InstanceStatus.Finished);
        await horizon.ScanAsync(default);

        cluster.Armed.Should().BeEmpty();
    }
}
