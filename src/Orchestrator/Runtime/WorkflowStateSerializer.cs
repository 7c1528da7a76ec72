using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Writes an instance's execution state to its one JSON column and reads it back. Values come back as
/// plain data (JSON numbers as long/double, objects as ExpandoObject); variables are then restored to
/// their declared types so an Int32 variable is an int again after a restart.
/// </summary>
public static class WorkflowStateSerializer
{
    /// <summary>
    /// Values are bounded to <see cref="ValueDepth.DefaultMax"/> levels from their own root; the state wraps them a few
    /// levels deeper (state → variables → value), so the document's bound leaves room for that wrapping.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(ElsaJson.Options) { MaxDepth = ValueDepth.DefaultMax + 8 };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    // The version is the document's first property: a current state is recognised from its first bytes and read in one
    // pass; only an older one goes through a JSON tree to be migrated.
    private static readonly string CurrentPrefix = $"{{\"schemaVersion\":{WorkflowState.CurrentSchemaVersion},";

    public static WorkflowState Deserialize(string json, CompiledWorkflow? workflow = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var state = (json.StartsWith(CurrentPrefix, StringComparison.Ordinal)
                ? JsonSerializer.Deserialize<WorkflowState>(json, Options)
                : ReadOlder(json))
            ?? throw new InvalidOperationException("Stored workflow state is empty.");
        state.Variables = Plain(state.Variables, workflow);
        state.Input = state.Input is null ? null : Plain(state.Input, null);
        state.Output = state.Output is null ? null : Plain(state.Output, null);
        state.Bookmarks = state.Bookmarks.Select(b => b with { Payload = b.Payload is JsonElement e ? PlainJson.ToPlain(e) : b.Payload }).ToList();
        return state;
    }

    private static WorkflowState? ReadOlder(string json)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = Options.MaxDepth }) is not System.Text.Json.Nodes.JsonObject document)
            return null;
        StateMigrations.Upgrade(document);
        return document.Deserialize<WorkflowState>(Options);
    }

    private static Dictionary<string, object?> Plain(Dictionary<string, object?> values, CompiledWorkflow? workflow)
    {
        var result = new Dictionary<string, object?>(values.Count, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var plain = value is JsonElement element ? PlainJson.ToPlain(element) : value;
            result[name] = workflow is not null && workflow.VariablesByKey.TryGetValue(name, out var variable)
                ? ValueConverter.Convert(plain, variable.Type)
                : plain;
        }
        return result;
    }
}
