using System.Net;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Primitives;

/// <summary>Answers the HTTP request that started or resumed the workflow, when it is still waiting for its answer.</summary>
[Activity("Elsa", "WriteHttpResponse", Category = "HTTP", DisplayName = "HTTP Response", Description = "Writes the response to the waiting HTTP request.")]
public sealed class WriteHttpResponse : Activity<WriteHttpResponse.Inputs>
{
    public sealed class Inputs
    {
        [Input(TypeName = "System.Net.HttpStatusCode, System.Net.Primitives", Description = "The status code, e.g. OK or 201.")]
        public HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

        [Input(UIHint = UIHints.MultiLine, Description = "The body: text as is, anything else as JSON.")]
        public object? Content { get; set; }

        [Input(Description = "The content type (default: application/json for objects, text/plain for text).")]
        public string? ContentType { get; set; }

        [Input(Description = "Extra response headers.")]
        public Dictionary<string, string>? ResponseHeaders { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var (content, contentType) = input.Content switch
        {
            null => (null, input.ContentType ?? "text/plain"),
            string text => (text, input.ContentType ?? "text/plain"),
            var value => (System.Text.Json.JsonSerializer.Serialize(value, Definitions.ElsaJson.Options), input.ContentType ?? "application/json"),
        };
        context.SetHttpResponse(new HttpResponseSpec((int)input.StatusCode, content, contentType, input.ResponseHeaders));
        return new(ActivityResult.DoneResult);
    }
}
