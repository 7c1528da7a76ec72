using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// Sends webhook starts to a child host and kills it with SIGKILL once enough were acknowledged (202 after commit);
/// returns the acknowledged request numbers with their instance ids. Requests in flight when the host died are
/// never acknowledged, as a client that would retry them sees.
/// </summary>
public static class CrashMidLoad
{
    public static async Task<ConcurrentDictionary<int, string>> StartUntilCrashAsync(
        OrchestratorProcess node, int requests, int crashAfterAcknowledged, int concurrency, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        var acknowledged = new ConcurrentDictionary<int, string>();
        using var client = new HttpClient { BaseAddress = node.BaseUri, Timeout = TimeSpan.FromSeconds(20) };
        using var gate = new SemaphoreSlim(concurrency);
        var crashed = 0;
        var sends = Enumerable.Range(0, requests).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                if (Volatile.Read(ref crashed) == 1) return;
                using var response = await send(client, i);
                if (response.StatusCode != HttpStatusCode.Accepted) return;
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                acknowledged[i] = body.GetProperty("instanceId").GetString()!;
                if (acknowledged.Count >= crashAfterAcknowledged && Interlocked.Exchange(ref crashed, 1) == 0)
                    await node.CrashAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // In flight when the node died: never acknowledged.
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(sends);
        return acknowledged;
    }
}
