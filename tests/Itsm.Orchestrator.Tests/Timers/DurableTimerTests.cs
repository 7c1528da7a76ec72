using Hangfire.States;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Itsm.Orchestrator.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Timers;

public sealed class DurableTimerTests
{
    private static string DelayFlow(string id, string span) => new FlowBuilder(id)
        .Variable("Woke", "Boolean", "false")
        .Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", span)))
        .Activity("wake", "Elsa.SetVariable", ("variable", VariableRef("Woke")), ("value", Literal("Object", "true")))
        .Connect("pause", "wake").ToJson();

    [Fact]
    public async Task Hangfire_fires_a_delay_through_the_real_scheduler()
    {
        await using var app = new ItsmAppFactory(realTimers: true);
        await app.PublishAsync(DelayFlow("hangfire-delay", "00:00:01"));

        var started = await app.Runtime.StartAsync(new StartRequest("hangfire-delay"), default);
        started.State!.Status.Should().Be(InstanceStatus.Suspended);

        // Real Hangfire on the system clock: on a machine loaded to 30+ runnable threads, start-up and the first
        // poll took longer than the default 15 s once, and once on PostgreSQL (CI, session 6) the delay had not fired
        // after 60 s. The wait covers the horizon's safety net (a timer still pending RearmAfter, 1 min, after it was due
        // is armed again at the next 30 s scan), so it ends as soon as the delay fires, through the job or the re-arm.
        var finished = await Eventually.HoldsAsync(async () => (await app.InstanceAsync(started.InstanceId!)).Record.Status == InstanceStatus.Finished, TimeSpan.FromSeconds(150));
        finished.Should().BeTrue("the Hangfire job resumes the delay once it is due");
    }

    [Fact]
    public async Task Early_firing_reschedules_the_remainder_and_resumes_nothing()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayFlow("early-delay", "00:10:00"));
        var started = await app.Runtime.StartAsync(new StartRequest("early-delay"), default);
        var timer = app.Timers.Armed.Single();
        var jobs = new RecordingJobClient();
        using var finishLine = new TimerFinishLine(app.Runtime, jobs, app.Clock, NullLogger<TimerFinishLine>.Instance);
        var job = new DurableTimerJob(app.Runtime, jobs, finishLine, app.Clock, NullLogger<DurableTimerJob>.Instance);

        app.Clock.Advance(TimeSpan.FromMinutes(9));
        await job.FireAsync(timer.InstanceId, timer.BookmarkId, timer.DueAt.UtcTicks, default);

        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended, "a timer never resumes before it is due");
        var (_, state) = jobs.Created.Should().ContainSingle().Subject;
        state.Should().BeOfType<ScheduledState>().Which.EnqueueAt.Should().BeCloseTo(DateTime.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_job_a_moment_early_frees_its_worker_at_once_and_resumes_when_due()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayFlow("nearly-due", "00:01:00"));
        var started = await app.Runtime.StartAsync(new StartRequest("nearly-due"), default);
        var timer = app.Timers.Armed.Single();
        var jobs = new RecordingJobClient();
        using var finishLine = new TimerFinishLine(app.Runtime, jobs, app.Clock, NullLogger<TimerFinishLine>.Instance);
        var job = new DurableTimerJob(app.Runtime, jobs, finishLine, app.Clock, NullLogger<DurableTimerJob>.Instance);

        app.Clock.Advance(TimeSpan.FromSeconds(59.3));
        var fired = job.FireAsync(timer.InstanceId, timer.BookmarkId, timer.DueAt.UtcTicks, default);

        // Hangfire rounds due times to whole seconds: waiting the rest inside the job held a worker for it.
        fired.IsCompleted.Should().BeTrue("the remaining 0.7 s is waited out off the Hangfire worker");
        await fired;
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended, "a timer never resumes before it is due");

        app.Clock.Advance(TimeSpan.FromSeconds(0.7));
        var finished = await Eventually.HoldsAsync(async () => (await app.InstanceAsync(started.InstanceId!)).Record.Status == InstanceStatus.Finished);
        finished.Should().BeTrue("the finish line resumes the timer when it is due");
        jobs.Created.Should().BeEmpty("nothing was handed back to Hangfire");
    }

    [Fact]
    public async Task Timer_whose_bookmark_was_cancelled_does_nothing()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(DelayFlow("cancelled-delay", "00:01:00"));
        var started = await app.Runtime.StartAsync(new StartRequest("cancelled-delay"), default);
        await app.Runtime.CancelAsync(started.InstanceId!, default);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.Timers.FireDueAsync();

        var instance = await app.InstanceAsync(started.InstanceId!);
        instance.Record.Status.Should().Be(InstanceStatus.Cancelled);
        instance.Variable("Woke").Should().Be(false);
    }
}
