using System.Diagnostics;
using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Http;

/// <summary>The mutable state of one <see cref="OpenLoopLoadGenerator.RunAsync"/> call, shared by the scheduler and the senders.</summary>
internal sealed class LoadPhase
{
    private readonly HttpClient _client;
    private readonly IRequestFactory _factory;
    private readonly int _maxInFlight;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _inFlight;
    private long _peakInFlight;
    private long _sent;
    private long _responses;
    private long _lastCompletion;
    private int _schedulingDone;

    public LoadPhase(HttpClient client, IRequestFactory factory, int maxInFlight, long plannedRequests, CancellationToken cancellationToken)
    {
        _client = client;
        _factory = factory;
        _maxInFlight = maxInFlight;
        _cancellationToken = cancellationToken;
        var capacity = (int)Math.Min(plannedRequests + 16, Array.MaxLength);
        Latency = new LatencyRecorder(capacity);
        ServiceTime = new LatencyRecorder(capacity);
        SendLag = new LatencyRecorder(capacity);
    }

    public LatencyRecorder Latency { get; }

    public LatencyRecorder ServiceTime { get; }

    public LatencyRecorder SendLag { get; }

    public OutcomeCounter Outcomes { get; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Responses => Interlocked.Read(ref _responses);

    public long PeakInFlight => Interlocked.Read(ref _peakInFlight);

    public long LastCompletion => Interlocked.Read(ref _lastCompletion);

    /// <summary>Called by the scheduler thread when request <paramref name="sequence"/> falls due.</summary>
    public void Dispatch(long sequence, long scheduledTimestamp)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        if (inFlight > _maxInFlight)
        {
            // Still open loop: the request is not delayed, it is given up and reported.
            Interlocked.Decrement(ref _inFlight);
            Outcomes.CountFailure("not-sent:in-flight-limit");
            return;
        }

        UpdateMax(ref _peakInFlight, inFlight);
        Interlocked.Increment(ref _sent);
        // Off the scheduler thread: SendAsync runs synchronously up to its first real wait (on
        // loopback often the whole write), which would otherwise delay the next scheduled sends.
        ThreadPool.UnsafeQueueUserWorkItem(
            static state => _ = state.Phase.SendAsync(state.Sequence, state.Scheduled),
            (Phase: this, Sequence: sequence, Scheduled: scheduledTimestamp),
            preferLocal: false);
    }

    /// <summary>Waits for the outstanding requests once the scheduler has dispatched the last one.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        // Exchange, not a volatile write: a full fence so the in-flight read below cannot move before it.
        Interlocked.Exchange(ref _schedulingDone, 1);
        if (Interlocked.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(timeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Requests still outstanding after their own timeout plus slack: report, don't hang.
            Outcomes.CountFailure("abandoned");
        }
    }

    private async Task SendAsync(long sequence, long scheduledTimestamp)
    {
        var start = Stopwatch.GetTimestamp();
        SendLag.Record(start - scheduledTimestamp);
        try
        {
            using var request = _factory.Create(sequence);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, _cancellationToken)
                .ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            Latency.Record(end - scheduledTimestamp);
            ServiceTime.Record(end - start);
            Outcomes.CountStatus(response.StatusCode);
            Interlocked.Increment(ref _responses);
            UpdateMax(ref _lastCompletion, end);
        }
#pragma warning disable CA1031 // Every failure is a data point of the run, never a reason to stop it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Outcomes.CountFailure(OutcomeCounter.Classify(exception));
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _schedulingDone) == 1)
            {
                _drained.TrySetResult();
            }
        }
    }

    private static void UpdateMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
