using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Imports <c>workflows/*.json</c> at start-up: a file is published when its definition is unknown or its
/// version is higher than the store's latest. A broken file is logged and skipped; it never stops the host. Nodes
/// sharing a database seed one after another (<see cref="Runtime.IStartupSeedingLock"/>); should two still race, the
/// database's unique versions let one import a file and the other skips it.
/// </summary>
public sealed partial class WorkflowFileSeeder(
    WorkflowDefinitionService definitions,
    IOptions<RuntimeOptions> options,
    IHostEnvironment environment,
    IDatabaseErrors databaseErrors,
    ILogger<WorkflowFileSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = Locate(options.Value.WorkflowsPath);
        if (folder is null)
        {
            LogNoFolder(options.Value.WorkflowsPath);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var model = ElsaJson.ParseDefinition(await File.ReadAllTextAsync(file, cancellationToken));
                var result = await definitions.SeedAsync(model, cancellationToken);
                if (result is null) continue;
                if (result.Succeeded) LogSeeded(Path.GetFileName(file), model.DefinitionId!, model.Version);
                else LogRejected(Path.GetFileName(file), string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
                foreach (var warning in result.Warnings) LogSeedWarning(Path.GetFileName(file), warning.Path, warning.Message);
            }
            catch (WorkflowDefinitionException ex)
            {
                LogRejected(Path.GetFileName(file), ex.Message);
            }
            catch (Exception ex) when (databaseErrors.IsUniqueViolation(ex))
            {
                LogSeededElsewhere(Path.GetFileName(file));
            }
        }
    }

    private string? Locate(string path)
    {
        if (Path.IsPathRooted(path)) return Directory.Exists(path) ? path : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "No workflows folder '{Path}' found: no value streams seeded")]
    private partial void LogNoFolder(string path);

    [LoggerMessage(LogLevel.Information, "Published {File} as {DefinitionId} v{Version}")]
    private partial void LogSeeded(string file, string definitionId, int version);

    [LoggerMessage(LogLevel.Information, "{File} was imported by another node at the same time")]
    private partial void LogSeededElsewhere(string file);

    [LoggerMessage(LogLevel.Warning, "Workflow file {File} was published with a warning at {Path}: {Message}")]
    private partial void LogSeedWarning(string file, string path, string message);

    [LoggerMessage(LogLevel.Error, "Workflow file {File} was not loaded: {Errors}")]
    private partial void LogRejected(string file, string errors);
}
