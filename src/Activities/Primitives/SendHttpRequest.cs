using System.Globalization;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Primitives;

/// <summary>
/// Calls another system over HTTP. Continues through the port named after the status code when it is one
/// of the expected codes, through "Unmatched status code" otherwise, or through Done when none are listed.
/// A connection failure or timeout faults the step, so it can be retried; a destination the host refuses
/// (private network, unknown scheme) faults it for good. The sender is a required port: a host without one
/// does not start.
/// </summary>
[Activity("Elsa", "SendHttpRequest", Category = "HTTP", DisplayName = "HTTP Request", Description = "Sends an HTTP request.")]
[Outcomes(Outcomes.Done, UnmatchedStatusCode, Dynamic = true)]
[Output("parsedContent", typeof(object), Description = "The parsed response body.")]
[Output("statusCode", typeof(int), Description = "The response status code.")]
[Output("headers", typeof(object), Description = "The response headers (content headers included), by name.")]
public sealed class SendHttpRequest(IHttpRequestSender sender) : Activity<SendHttpRequest.Inputs>
{
    public const string UnmatchedStatusCode = "Unmatched status code";

    public sealed class Inputs
    {
        [Input(Description = "The URL to call.")]
        public string? Url { get; set; }

        [Input(Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], UIHint = Engine.UIHints.DropDown, Description = "The HTTP method.")]
        public string Method { get; set; } = "GET";

        [Input(UIHint = Engine.UIHints.MultiLine, Description = "The request body: text as is, anything else as JSON.")]
        public object? Content { get; set; }

        [Input(Description = "The body's content type.")]
        public string? ContentType { get; set; }

        [Input(Description = "The Authorization header value.")]
        public string? Authorization { get; set; }

        [Input(Description = "Extra request headers.")]
        public Dictionary<string, string>? RequestHeaders { get; set; }

        [Input(Description = "Status codes that each get their own port.")]
        public int[] ExpectedStatusCodes { get; set; } = [];
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url)) return Fail($"'{input.Url}' is not an absolute URL.", retryable: false);
        var content = input.Content switch
        {
            null => null,
            string text => text,
            var value => ValueConverter.Convert(value, typeof(string)) as string,
        };
        HttpCallResponse response;
        try
        {
            response = await sender.SendAsync(new HttpCallRequest(input.Method.ToUpperInvariant(), url, content,
                input.ContentType ?? (input.Content is string or null ? "text/plain" : "application/json"), input.Authorization, input.RequestHeaders), cancellationToken);
        }
        catch (HttpCallException ex)
        {
            return Fail(ex.Message, ex.Retryable);
        }
        var parsed = response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && !string.IsNullOrWhiteSpace(response.Content)
            ? TryParse(response.Content)
            : response.Content;
        var output = new Dictionary<string, object?> { ["parsedContent"] = parsed, ["statusCode"] = response.StatusCode, ["headers"] = Headers(response) };
        if (input.ExpectedStatusCodes.Length == 0) return Done(output);
        return input.ExpectedStatusCodes.Contains(response.StatusCode)
            ? Outcome(response.StatusCode.ToString(CultureInfo.InvariantCulture), output)
            : Outcome(UnmatchedStatusCode, output);
    }

    // Plain data (not the sender's dictionary type), so scripts see the same shape before and after a reload.
    private static Dictionary<string, object?> Headers(HttpCallResponse response)
        => response.Headers.ToDictionary(header => header.Key, header => (object?)header.Value, StringComparer.Ordinal);

    private static object? TryParse(string json)
    {
        try
        {
            return PlainJson.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }
}
