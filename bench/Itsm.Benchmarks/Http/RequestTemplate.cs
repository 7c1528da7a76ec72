using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Itsm.Benchmarks.Http;

/// <summary>
/// The same method, URL, headers and body for every request. If the body contains
/// <see cref="SequencePlaceholder"/> it is replaced by the request's sequence number, which lets a
/// plain body file produce unique payloads (e.g. one workflow instance per webhook call).
/// </summary>
public sealed class RequestTemplate : IRequestFactory
{
    public const string SequencePlaceholder = "{{seq}}";

    private readonly HttpMethod _method;
    private readonly byte[]? _body;
    private readonly string? _bodyText;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;

    public RequestTemplate(
        HttpMethod method,
        Uri target,
        byte[]? body = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        LoopbackGuard.Ensure(target);
        _method = method;
        Target = target;
        _body = body;
        _headers = headers ?? [];
        if (body is not null)
        {
            var text = Encoding.UTF8.GetString(body);
            _bodyText = text.Contains(SequencePlaceholder, StringComparison.Ordinal) ? text : null;
        }
    }

    public Uri Target { get; }

    /// <summary>Parses a <c>"Name: value"</c> header argument.</summary>
    public static KeyValuePair<string, string> ParseHeader(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"header '{text}' is not of the form 'Name: value'");
        }

        return new(text[..colon].Trim(), text[(colon + 1)..].Trim());
    }

    public HttpRequestMessage Create(long sequence)
    {
        var request = new HttpRequestMessage(_method, Target);
        if (_body is not null)
        {
            var bytes = _bodyText is null
                ? _body
                : Encoding.UTF8.GetBytes(_bodyText.Replace(SequencePlaceholder, sequence.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            // ByteArrayContent wraps without copying, so sharing the template's array is cheap.
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        foreach (var (name, value) in _headers)
        {
            // Content-Type and friends live on the content, everything else on the request.
            if (request.Content is not null && name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }
}
