using System.Text.Json.Nodes;
using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Brings a stored workflow state written by an older engine up to <see cref="WorkflowState.CurrentSchemaVersion"/>,
/// one version step at a time, on the JSON document before it is read into engine types. A change to engine types that
/// alters the stored shape bumps the version and adds its step here, with a test that loads the old shape.
/// </summary>
public static class StateMigrations
{
    private static readonly Dictionary<int, Action<JsonObject>> Steps = new()
    {
        // 1 → 2: a human task's role, title and due time moved from the bookmark into its "task".
        [1] = state =>
        {
            if (state["bookmarks"] is not JsonArray bookmarks) return;
            foreach (var bookmark in bookmarks.OfType<JsonObject>())
            {
                var task = new JsonObject();
                foreach (var field in new[] { "role", "title", "dueAt" })
                    if (bookmark.Remove(field, out var value) && value is not null)
                        task[field] = value;
                if (task.Count > 0 && bookmark["task"] is null) bookmark["task"] = task;
            }
        },
    };

    /// <summary>The version a stored document declares (1 when it predates versioning).</summary>
    public static int VersionOf(JsonObject state) => state["schemaVersion"]?.GetValue<int>() ?? 1;

    /// <summary>Migrates the document in place; throws when it is newer than this engine understands.</summary>
    public static void Upgrade(JsonObject state)
    {
        var version = VersionOf(state);
        if (version > WorkflowState.CurrentSchemaVersion)
            throw new InvalidOperationException($"Stored workflow state has schema version {version}; this engine reads up to {WorkflowState.CurrentSchemaVersion}.");
        for (; version < WorkflowState.CurrentSchemaVersion; version++)
            if (Steps.TryGetValue(version, out var step)) step(state);
        state["schemaVersion"] = WorkflowState.CurrentSchemaVersion;
    }
}
