using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Benchmarks.Webhook;

/// <summary>
/// A throwaway orchestrator for the webhook bench: its own temp folder with the bench's workflows and a fresh
/// data folder, the Release build of the repository's orchestrator, deleted again afterwards.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    // At least 32 characters: the host runs as Production, which refuses shorter keys at start-up.
    public const string ApiKey = "bench-api-key-0123456789abcdefghijklmnop";
    private readonly string _root;
    private readonly OrchestratorProcess _process;

    private BenchHost(string root, OrchestratorProcess process, string orchestrator)
    {
        _root = root;
        _process = process;
        Orchestrator = orchestrator;
    }

    /// <summary>The orchestrator build this host runs.</summary>
    public string Orchestrator { get; }

    public Uri BaseUri => _process.BaseUri;

    // The bench measures how many starts the host can commit; the per-route webhook limit (600/min by default) would
    // answer nearly all of them 429, so it is off here.
    private static readonly Dictionary<string, string> BenchSettings = new() { ["Itsm__Webhooks__RateLimit__PermitLimit"] = "0" };

    /// <param name="orchestrator">An Itsm.Orchestrator.dll to run instead of this repository's build (A/B runs).</param>
    /// <param name="settings">More settings (environment variables) over the bench's, e.g. the database provider.</param>
    public static async Task<BenchHost> StartAsync(IReadOnlyDictionary<string, string> workflows, CancellationToken cancellationToken, string? orchestrator = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = orchestrator is null ? LocateOrchestrator() : Path.GetFullPath(orchestrator);
        if (!File.Exists(dll)) throw new FileNotFoundException($"No orchestrator build at {dll}.");
        var root = Directory.CreateTempSubdirectory("itsm-webhook-bench-").FullName;
        var workflowsPath = Directory.CreateDirectory(Path.Combine(root, "workflows")).FullName;
        foreach (var (name, json) in workflows) await File.WriteAllTextAsync(Path.Combine(workflowsPath, name), json, cancellationToken);
        var process = await OrchestratorProcess.StartAsync(dll, Path.Combine(root, "data"), workflowsPath, ApiKey, cancellationToken,
            settings is null ? BenchSettings : new Dictionary<string, string>(BenchSettings.Concat(settings)));
        return new BenchHost(root, process, dll);
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

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
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
