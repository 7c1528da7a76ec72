using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Itsm.Activities.Definitions;

/// <summary>
/// The one set of JSON options for Elsa-shaped documents: camelCase, enums as strings, nulls omitted
/// (as Elsa writes them), case-insensitive reads (older exports vary), comments and trailing commas tolerated.
/// </summary>
public static class ElsaJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Parses a definition; a malformed document is a <see cref="WorkflowDefinitionException"/>.</summary>
    public static WorkflowDefinitionModel ParseDefinition(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinitionModel>(json, Options)
                ?? throw new WorkflowDefinitionException([new DefinitionError("$", "The document is empty.")]);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            throw new WorkflowDefinitionException([new DefinitionError(path, $"Not a valid workflow definition: {ex.Message}")]);
        }
    }

    public static string Serialize(WorkflowDefinitionModel model) => JsonSerializer.Serialize(model, Options);
}
