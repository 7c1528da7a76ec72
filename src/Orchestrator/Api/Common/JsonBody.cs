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

/// <summary>
/// A read request body: the parsed JSON (when <see cref="JsonBodyStatus.Parsed"/>) or why there is none, with the
/// JSON path at fault in <see cref="Field"/> when the JSON parsed but holds a value Itsm cannot keep; <see cref="Raw"/>
/// holds the bytes as sent when the reader was asked to keep them (signature checks).
/// </summary>
public readonly record struct JsonBody(JsonBodyStatus Status, JsonElement? Element = null, string? Error = null, string? Field = null, byte[]? Raw = null);
