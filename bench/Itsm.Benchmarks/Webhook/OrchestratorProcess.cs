using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Itsm.Benchmarks.Webhook;

/// <summary>
/// The orchestrator as a second process on loopback, on a fresh data folder, seeded with the bench's own
/// workflows: what a webhook client really talks to (Kestrel, MVC, the runtime, SQLite), nothing in-process.
/// </summary>
internal sealed class OrchestratorProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-api-key-0123456789";
    private readonly Process _process;
    private readonly string _root;

    private OrchestratorProcess(Process process, string root, Uri baseUri)
    {
        _process = process;
        _root = root;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<OrchestratorProcess> StartAsync(IReadOnlyDictionary<string, string> workflows, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("itsm-webhook-bench-").FullName;
        var workflowsPath = Directory.CreateDirectory(Path.Combine(root, "workflows")).FullName;
        foreach (var (name, json) in workflows) await File.WriteAllTextAsync(Path.Combine(workflowsPath, name), json, cancellationToken);

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { LocateOrchestrator(), "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.Environment["Itsm__DataPath"] = Path.Combine(root, "data");
        start.Environment["Itsm__WorkflowsPath"] = workflowsPath;
        start.Environment["Itsm__ApiKeys__0"] = ApiKey;
        start.Environment["Itsm__AdminPassword"] = "bench-admin-password-0123";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the orchestrator.");
        // Drain its output so a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[orchestrator] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new OrchestratorProcess(process, root, new Uri($"http://127.0.0.1:{port}/"));
        await host.WaitUntilHealthyAsync(cancellationToken);
        return host;
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

    /// <summary>The Orchestrator build next to this bench's (same configuration), found from the repository root.</summary>
    private static string LocateOrchestrator()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Itsm.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "Orchestrator", "bin", configuration, "net10.0", "Itsm.Orchestrator.dll");
            if (File.Exists(dll)) return dll;
            throw new FileNotFoundException($"Build the orchestrator first ({configuration}): {dll}");
        }
        throw new DirectoryNotFoundException("Run the bench from inside the Itsm repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Temp files; the OS cleans them eventually.
        }
    }
}
