using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Itil;

namespace Itsm.Orchestrator.Records;

/// <summary>A record's data as the API shows it: a survey's answer token is its respondent's credential, so it is never shown.</summary>
public static class RecordData
{
    public const string SurveyToken = "token";

    public static JsonElement Public(string recordType, string dataJson)
    {
        if (recordType == RecordTypes.Survey && JsonNode.Parse(dataJson) is JsonObject survey && survey.Remove(SurveyToken))
            return JsonSerializer.SerializeToElement(survey);
        using var document = JsonDocument.Parse(dataJson);
        return document.RootElement.Clone();
    }
}
