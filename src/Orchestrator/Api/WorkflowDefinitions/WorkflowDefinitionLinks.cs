using Itsm.Orchestrator.Api.Common;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// The links Elsa's <c>StaticWorkflowDefinitionLinker</c> puts on definitions. Studio decides from them whether
/// its editor is editable: a definition without a <c>publish</c> link opens read-only. The write links are only
/// sent for definitions that are not read-only, and only to callers allowed to design (see <see cref="Security.DesignPermission"/>).
/// </summary>
public static class WorkflowDefinitionLinks
{
    public static IReadOnlyList<Link> ForDefinition(string definitionId, bool isReadonly)
    {
        var id = Uri.EscapeDataString(definitionId);
        var links = new List<Link>(12)
        {
            new($"/workflow-definitions/{id}", "self", "GET"),
            new($"/workflow-definitions/by-definition-id/{id}", "self", "GET"),
            new($"/workflow-definitions/{id}/versions", "versions", "GET"),
            new($"/workflow-definitions/{id}/bulk-dispatch", "bulk-dispatch", "POST"),
            new($"/workflow-definitions/{id}/dispatch", "dispatch", "POST"),
            new($"/workflow-definitions/{id}/execute", "execute", "POST"),
            new($"/workflow-definitions/{id}/export", "export", "POST"),
        };
        if (!isReadonly)
        {
            links.Add(new($"/workflow-definitions/{id}/publish", "publish", "POST"));
            links.Add(new($"/workflow-definitions/{id}/retract", "retract", "POST"));
            links.Add(new($"/workflow-definitions/{id}", "delete", "DELETE"));
            links.Add(new($"/workflow-definitions/{id}/import", "import", "PUT"));
            links.Add(new($"/workflow-definitions/{id}/update-references", "update-references", "POST"));
        }
        return links;
    }

    /// <summary>
    /// The list's own links, as elsa-core's linker sends them. The write links (bulk actions, import, create) go
    /// only to designers: Studio shows the whole list read-only without <c>bulk-publish</c>. The bulk routes are
    /// Elsa's <c>/bulk-actions/...</c> paths, which Studio's API client calls directly.
    /// </summary>
    public static IReadOnlyList<Link> ForList(bool canDesign)
    {
        var links = new List<Link>(11)
        {
            new("/workflow-definitions", "self", "GET"),
            new("/workflow-definitions/validation/is-name-unique", "is-name-unique", "GET"),
            new("/workflow-definitions/query/count", "count", "GET"),
            new("/workflow-definitions/many-by-id", "many-by-id", "GET"),
        };
        if (canDesign)
        {
            links.Add(new(BulkRoutes.DeleteByDefinitionId, "bulk-delete-by-definition-id", "POST"));
            links.Add(new(BulkRoutes.DeleteById, "bulk-delete-by-id", "POST"));
            links.Add(new(BulkRoutes.Publish, "bulk-publish", "POST"));
            links.Add(new(BulkRoutes.Retract, "bulk-retract", "POST"));
            links.Add(new("/workflow-definitions/import", "import", "POST"));
            links.Add(new("/workflow-definitions/import-files", "import-files", "POST"));
            links.Add(new("/workflow-definitions", "create", "POST"));
        }
        return links;
    }
}
