namespace Itsm.Activities.Model;

/// <summary>The answer a workflow gives to the HTTP request that started or resumed it (Elsa.WriteHttpResponse).</summary>
public sealed record HttpResponseSpec(int StatusCode, string? Content, string ContentType, IReadOnlyDictionary<string, string>? Headers);
