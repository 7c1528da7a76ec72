using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Itsm.Activities.Expressions;

/// <summary>
/// The threads scripts run on: created with a known, large stack (a thread-pool thread has ~1.5 MB and a
/// request thread whatever its caller left), and few of them, so CPU-heavy scripts queue here instead of
/// taking every core from request handling. The caller waits for its script; literal steps never come here.
/// Pools are shared per (size, stack) like the thread pool itself, and idle threads exit after a while, so
/// many engines (tests create one per harness) do not pile up threads.
/// </summary>
public sealed class ScriptThreads
{
    private static readonly ConcurrentDictionary<(int, int), ScriptThreads> Pools = new();
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);

    [ThreadStatic] private static bool _onScriptThread;

    private readonly Queue<WorkItem> _queue = new();
    private readonly int _maxThreads;
    private readonly int _stackBytes;
    private int _threads;
    private int _idle;
    private volatile int _queued;

    private ScriptThreads(int maxThreads, int stackBytes)
    {
        _maxThreads = maxThreads;
        _stackBytes = stackBytes;
    }

    public static ScriptThreads Get(int maxThreads, int stackBytes) => Pools.GetOrAdd((maxThreads, stackBytes), key => new ScriptThreads(key.Item1, key.Item2));

    /// <summary>Runs <paramref name="work"/> on a script thread and returns its result (or rethrows its exception).</summary>
    public TResult Run<TState, TResult>(Func<TState, TResult> work, TState state)
    {
        if (_onScriptThread) return work(state);
        var item = new WorkItem<TState, TResult>(work, state);
        lock (_queue)
        {
            _queue.Enqueue(item);
            _queued = _queue.Count;
            if (_idle > 0) Monitor.Pulse(_queue);
            else if (_threads < _maxThreads) StartThread();
        }
        item.Done.Wait();
        item.Done.Dispose();
        item.Failure?.Throw();
        return item.Result!;
    }

    private void StartThread()
    {
        _threads++;
        new Thread(Loop, _stackBytes) { IsBackground = true, Name = "Itsm script" }.Start();
    }

    private void Loop()
    {
        _onScriptThread = true;
        while (true)
        {
            // A burst evaluates its scripts one after another with a little engine work between them: a short spin
            // catches the next one without the cost of being woken (tens of microseconds on a busy box).
            var spinner = new SpinWait();
            while (_queued == 0 && !spinner.NextSpinWillYield) spinner.SpinOnce(sleep1Threshold: -1);
            WorkItem item;
            lock (_queue)
            {
                while (_queue.Count == 0)
                {
                    _idle++;
                    var signalled = Monitor.Wait(_queue, IdleLifetime);
                    _idle--;
                    if (!signalled && _queue.Count == 0)
                    {
                        _threads--;
                        return;
                    }
                }
                item = _queue.Dequeue();
                _queued = _queue.Count;
            }
            item.Execute();
        }
    }

    private abstract class WorkItem
    {
        public ManualResetEventSlim Done { get; } = new();
        public ExceptionDispatchInfo? Failure { get; protected set; }
        public abstract void Execute();
    }

    private sealed class WorkItem<TState, TResult>(Func<TState, TResult> work, TState state) : WorkItem
    {
        public TResult? Result { get; private set; }

        public override void Execute()
        {
            try
            {
                Result = work(state);
            }
            catch (Exception ex)
            {
                Failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                Done.Set();
            }
        }
    }
}
