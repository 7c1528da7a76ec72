using System.Net;
using System.Text.Json;

namespace Itsm.Orchestrator.Tests.Security;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        json.GetProperty("status").GetInt32().Should().Be((int)status);
        return json;
    }
}
