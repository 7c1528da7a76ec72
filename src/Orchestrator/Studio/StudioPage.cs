namespace Itsm.Orchestrator.Studio;

/// <summary>One of Studio's custom elements, hosted by a page of its own.</summary>
/// <param name="Title">The page title.</param>
/// <param name="Element">The custom element's tag name (registered by the package's Blazor host).</param>
/// <param name="IdAttribute">The element's id parameter (<c>definition-id</c>, <c>instance-id</c>), or null.</param>
/// <param name="Id">The id from the URL, or null.</param>
public sealed record StudioPage(string Title, string Element, string? IdAttribute = null, string? Id = null)
{
    public static StudioPage DefinitionList { get; } = new("Workflow definitions", "elsa-workflow-definition-list");

    public static StudioPage InstanceList { get; } = new("Workflow instances", "elsa-workflow-instance-list");

    public static StudioPage DefinitionEditor(string definitionId) => new($"Definition {definitionId}", "elsa-workflow-definition-editor", "definition-id", definitionId);

    public static StudioPage InstanceViewer(string instanceId) => new($"Instance {instanceId}", "elsa-workflow-instance-viewer", "instance-id", instanceId);
}
