using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>A hand-written <see cref="IBackgroundJobClient"/> that records what was scheduled instead of storing it.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<(Job Job, IState State)> Created { get; } = [];

    public string Create(Job job, IState state)
    {
        Created.Add((job, state));
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
