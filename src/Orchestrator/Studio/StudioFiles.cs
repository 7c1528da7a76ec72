using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Studio;

/// <summary>
/// The installed Elsa Studio package (npm <c>@elsa-workflows/elsa-studio-wasm</c>), located once at start.
/// A missing package does not stop the host (the API and the engine need none of it): the pages then say so.
/// </summary>
public sealed class StudioFiles
{
    /// <summary>Where the build puts the package, relative to the project folder (the content root of <c>dotnet run</c>).</summary>
    public const string PackageFolder = "Studio/node_modules/@elsa-workflows/elsa-studio-wasm";

    /// <summary>Where <c>dotnet publish</c> puts it, relative to the assembly.</summary>
    public const string PublishedFolder = "studio";

    public StudioFiles(IOptions<StudioOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        string[] candidates = string.IsNullOrWhiteSpace(options.Value.FilesPath)
            ? [Path.Combine(AppContext.BaseDirectory, PublishedFolder), Path.Combine(environment.ContentRootPath, PackageFolder)]
            : [Path.GetFullPath(options.Value.FilesPath, environment.ContentRootPath)];
        Root = candidates.FirstOrDefault(folder => Directory.Exists(Path.Combine(folder, "_framework")));
        Searched = candidates;
        Provider = Root is null ? new NullFileProvider() : new PhysicalFileProvider(Root);
    }

    /// <summary>The package folder, or null when none of <see cref="Searched"/> holds it.</summary>
    public string? Root { get; }

    public IReadOnlyList<string> Searched { get; }

    public IFileProvider Provider { get; }

    public bool Installed => Root is not null;
}
