using System.Text.Json;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>An answer to a satisfaction survey: the token from the invitation, a score of 1–5 and an optional comment.</summary>
public sealed record SurveyAnswerRequest(string? Token, JsonElement? Score, string? Comment);
