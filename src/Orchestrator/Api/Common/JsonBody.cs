using System.Text.Json;

namespace Itsm.Orchestrator.Api.Common;

/// <summary>What <see cref="JsonBodyReader"/> found in a request body.</summary>
public enum JsonBodyStatus
{
    Empty,
    Parsed,
    UnsupportedMediaType,
    TooLarge,
    Malformed,
}

/// <summary>A read request body: the parsed JSON (when <see cref="JsonBodyStatus.Parsed"/>) or why there is none.</summary>
public readonly record struct JsonBody(JsonBodyStatus Status, JsonElement? Element = null, string? Error = null);
