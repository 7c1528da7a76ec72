namespace Itsm.Orchestrator.Studio;

/// <summary>Section <c>Itsm:Studio</c>: where the Elsa Studio package's files are.</summary>
public sealed class StudioOptions
{
    public const string SectionName = "Itsm:Studio";

    /// <summary>
    /// The folder holding the package's <c>_framework</c> and <c>_content</c>. Empty: <c>studio/</c> next to the
    /// assembly (a published host), else <c>Studio/node_modules/@elsa-workflows/elsa-studio-wasm</c> under the
    /// content root (a build or <c>dotnet run</c>).
    /// </summary>
    public string? FilesPath { get; set; }
}
