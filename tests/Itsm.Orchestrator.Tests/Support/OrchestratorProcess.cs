using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// The orchestrator as a real second process on loopback: what a webhook client talks to (Kestrel, MVC, the
/// runtime, SQLite), and what a crash test can kill with SIGKILL. Used by the crash tests and, linked, by the
/// webhook benchmark.
/// </summary>
public sealed class OrchestratorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private OrchestratorProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <param name="assemblyPath">Itsm.Orchestrator.dll of the build to run.</param>
    /// <param name="dataPath">The data folder; pass the same one again to restart on the same database.</param>
    /// <param name="workflowsPath">The definitions to seed.</param>
    /// <param name="environment">Extra settings (environment variables) for this run.</param>
    public static async Task<OrchestratorProcess> StartAsync(
        string assemblyPath, string dataPath, string workflowsPath, string apiKey, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assemblyPath, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dataPath)!,
        };
        start.Environment["Itsm__DataPath"] = dataPath;
        start.Environment["Itsm__WorkflowsPath"] = workflowsPath;
        start.Environment["Itsm__ApiKeys__0"] = apiKey;
        start.Environment["Itsm__AdminPassword"] = "orchestrator-process-admin";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the orchestrator.");
        // Drain its output so a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[orchestrator] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new OrchestratorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>True when the process ended by itself within <paramref name="timeout"/> (it crashed).</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills the process with SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public async Task CrashAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The orchestrator exited with code {_process.ExitCode}.");
            try
            {
                using var response = await client.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first request while it warms up.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException("The orchestrator did not become healthy within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await CrashAsync();
        _process.Dispose();
    }
}
