using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Microsoft.Extensions.Time.Testing;

namespace Itsm.Activities.Tests.Support;

/// <summary>Runs definitions in memory on the pure engine with a fake clock; resumes bookmarks explicitly.</summary>
public sealed class FlowchartHarness
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Create(ActivityRegistry.BuiltInTypes(), TestPorts.Default);

    public FlowchartHarness(EngineOptions? options = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Executor = new WorkflowExecutor(options ?? new EngineOptions(), Clock);
    }

    public FakeTimeProvider Clock { get; }
    public WorkflowExecutor Executor { get; }
    public List<BurstResult> Bursts { get; } = [];

    public static CompiledWorkflow Compile(WorkflowDefinitionModel model) => new WorkflowCompiler(Registry).Compile(model);

    public static CompiledWorkflow Compile(string json) => Compile(ElsaJson.ParseDefinition(json));

    public async Task<Run> StartAsync(CompiledWorkflow workflow, IReadOnlyDictionary<string, object?>? input = null, string? triggerActivityId = null, object? triggerInput = null)
    {
        var state = Executor.CreateState(workflow, Ids.New(), input, correlationId: null);
        var burst = await Executor.StartAsync(workflow, state, triggerActivityId, triggerInput, CancellationToken.None);
        Bursts.Add(burst);
        return new Run(this, workflow, state, burst);
    }

    public sealed record Run(FlowchartHarness Harness, CompiledWorkflow Workflow, WorkflowState State, BurstResult LastBurst)
    {
        public InstanceStatus Status => State.Status;

        public object? Variable(string name) => State.Variables.GetValueOrDefault(name);

        public IEnumerable<string> Completed => Harness.Bursts.SelectMany(b => b.Journal)
            .Where(j => j.EventName == JournalEvents.Completed).Select(j => j.ActivityId);

        public BookmarkState Bookmark(string kind) => State.Bookmarks.Single(b => b.Kind == kind);

        public async Task<BurstResult> ResumeAsync(string bookmarkId, object? input = null)
        {
            var burst = await Harness.Executor.ResumeAsync(Workflow, State, bookmarkId, input, CancellationToken.None);
            Harness.Bursts.Add(burst);
            return burst;
        }

        public async Task<BurstResult> RetryAsync()
        {
            var burst = await Harness.Executor.RetryAsync(Workflow, State, CancellationToken.None);
            Harness.Bursts.Add(burst);
            return burst;
        }
    }
}
