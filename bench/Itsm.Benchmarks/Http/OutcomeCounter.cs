using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Itsm.Benchmarks.Http;

/// <summary>
/// Counts requests by outcome: the HTTP status code ("200", "503") or a failure kind
/// ("timeout", "error:ConnectionError", "not-sent:in-flight-limit"). Status codes go to a flat array
/// so the hot path is one interlocked increment.
/// </summary>
public sealed class OutcomeCounter
{
    private readonly long[] _statusCodes = new long[600];
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);

    public void CountStatus(HttpStatusCode status)
    {
        var code = (int)status;
        if (code is >= 0 and < 600)
        {
            Interlocked.Increment(ref _statusCodes[code]);
        }
        else
        {
            CountFailure("status:" + code.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void CountFailure(string kind) => _failures.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    /// <summary>Maps an exception from <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/> to a short label.</summary>
    public static string Classify(Exception exception) => exception switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timeout",
        OperationCanceledException => "canceled",
        HttpRequestException { InnerException: SocketException s } => "error:socket:" + s.SocketErrorCode,
        HttpRequestException h => "error:" + h.HttpRequestError,
        _ => "error:" + exception.GetType().Name,
    };

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var code = 0; code < _statusCodes.Length; code++)
        {
            var n = Volatile.Read(ref _statusCodes[code]);
            if (n > 0)
            {
                result[code.ToString(CultureInfo.InvariantCulture)] = n;
            }
        }

        foreach (var (kind, n) in _failures)
        {
            result[kind] = n;
        }

        return result;
    }
}
