using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Itsm.Activities.Tests.Itil;

/// <summary>
/// Runs ITIL activities on the in-memory engine with their own record store: every burst's record changes are
/// committed to <see cref="Records"/> as the host would, so a later step (or a resume) reads what an earlier one wrote.
/// </summary>
public sealed class ItilHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public ItilHarness(ItilOptions? options = null)
    {
        Registry = ActivityRegistry.Create(ActivityRegistry.BuiltInTypes(), new Ports(new TestPorts { Records = Records }, options));
        Executor = new WorkflowExecutor(new EngineOptions(), Clock);
    }

    public ActivityRegistry Registry { get; }
    public InMemoryRecords Records { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Start);
    public WorkflowExecutor Executor { get; }

    /// <summary>Every record change committed so far, in order.</summary>
    public List<RecordChange> Written { get; } = [];

    /// <summary>Binds an output of a node to the workflow variable of the same name (declare it with <see cref="Flow"/>).</summary>
    public static JsonObject Out(string variable) => new() { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = variable + "-id" } };

    /// <summary>A flow with the given Object variables; outputs are bound with <see cref="Out"/>.</summary>
    public static FlowBuilder Flow(params string[] variables)
    {
        var flow = new FlowBuilder("itil");
        foreach (var variable in variables) flow.Variable(variable, "Object");
        return flow;
    }

    /// <summary>Start → one activity (id <c>step</c>) with the inputs, every output bound to a variable of its name.</summary>
    public Task<ItilRun> RunStepAsync(string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var outputs = Registry.Find(type)?.Outputs.Select(o => o.Name).ToArray() ?? throw new ArgumentException($"unknown activity {type}");
        var flow = Flow(outputs)
            .Activity("start", "Elsa.Start")
            .Activity("step", type, [.. inputs, .. outputs.Select(o => (o, (JsonNode?)Out(o)))])
            .Chain("start", "step");
        return StartAsync(flow);
    }

    public async Task<ItilRun> StartAsync(FlowBuilder flow)
    {
        var workflow = new WorkflowCompiler(Registry).Compile(flow.Build());
        var state = Executor.CreateState(workflow, "inst-1", null, correlationId: null);
        var run = new ItilRun(this, workflow, state);
        run.Commit(await Executor.StartAsync(workflow, state, null, null, CancellationToken.None));
        return run;
    }

    private sealed class Ports(TestPorts ports, ItilOptions? options) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ItilOptions) ? options : ports.GetService(serviceType);
    }
}

public sealed class ItilRun(ItilHarness harness, CompiledWorkflow workflow, WorkflowState state)
{
    public WorkflowState State { get; } = state;
    public List<BurstResult> Bursts { get; } = [];
    public BurstResult LastBurst => Bursts[^1];
    public InstanceStatus Status => State.Status;

    public object? Variable(string name) => State.Variables.GetValueOrDefault(name);

    /// <summary>The outcome(s) a node last completed with, comma-separated; null when it has not completed.</summary>
    public string? Outcome(string activityId = "step") => Bursts.SelectMany(b => b.Journal)
        .LastOrDefault(j => j.ActivityId == activityId && j.EventName == JournalEvents.Completed)?.Outcome;

    public BookmarkState Bookmark(string kind) => State.Bookmarks.Single(b => b.Kind == kind);

    public async Task ResumeAsync(string kind, object? input)
        => Commit(await harness.Executor.ResumeAsync(workflow, State, Bookmark(kind).Id, input, CancellationToken.None));

    public async Task RetryAsync() => Commit(await harness.Executor.RetryAsync(workflow, State, CancellationToken.None));

    internal void Commit(BurstResult burst)
    {
        Bursts.Add(burst);
        harness.Written.AddRange(burst.RecordChanges);
        harness.Records.Commit(burst.RecordChanges);
    }
}
