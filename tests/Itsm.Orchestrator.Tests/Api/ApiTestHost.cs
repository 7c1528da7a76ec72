using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>
/// One app per test on its own data, seeded from an empty workflows folder so that nothing but what the test
/// saves through the API exists; and a client that speaks as the test system (API key).
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    private readonly string _workflowsPath;

    public ApiTestHost()
    {
        _workflowsPath = Path.Combine(Path.GetTempPath(), "itsm-tests", "empty-workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workflowsPath);
        Factory = new ItsmAppFactory(workflowsPath: _workflowsPath);
        Client = Factory.CreateClient();
    }

    public ItsmAppFactory Factory { get; }

    public HttpClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_workflowsPath, recursive: true);
        }
        catch (IOException)
        {
            // An empty temp folder left behind is harmless.
        }
    }
}
