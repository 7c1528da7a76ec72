using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Api.Common;

/// <summary>
/// Reads an optional JSON body with a hard size limit, for routes that take whatever JSON a caller sends
/// (webhooks, resume tokens) and so cannot rely on MVC's typed binding. The limit is enforced while reading,
/// so a chunked body without a Content-Length cannot exceed it either; nothing is parsed past it.
/// </summary>
public static class JsonBodyReader
{
    // Duplicate keys are refused: which one "wins" differs between parsers, and a signature or a check could
    // then be made on one value while the workflow reads the other.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = JsonContent.MaxDepth, AllowDuplicateProperties = false };

    public static Task<JsonBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        => ReadAsync(request, maxBytes, keepRaw: false, cancellationToken);

    public static async Task<JsonBody> ReadAsync(HttpRequest request, long maxBytes, bool keepRaw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasContentType = !string.IsNullOrWhiteSpace(request.ContentType);
        if (hasContentType && request.ContentLength != 0 && !IsJson(request.ContentType))
            return new(JsonBodyStatus.UnsupportedMediaType, Error: $"Content type '{request.ContentType}' is not JSON.");
        if (request.ContentLength > maxBytes)
            return new(JsonBodyStatus.TooLarge, Error: $"The body is larger than {maxBytes} bytes.");
        if (request.ContentLength == 0)
            return new(JsonBodyStatus.Empty);

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                        return new(JsonBodyStatus.TooLarge, Error: $"The body is larger than {maxBytes} bytes.");
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                length += read;
                if (length > maxBytes)
                    return new(JsonBodyStatus.TooLarge, Error: $"The body is larger than {maxBytes} bytes.");
            }

            var content = buffer.AsSpan(0, length);
            var raw = keepRaw ? content.ToArray() : null;
            if (content.Trim(" \t\r\n"u8).IsEmpty)
                return new(JsonBodyStatus.Empty, Raw: raw);
            if (!hasContentType)
                return new(JsonBodyStatus.UnsupportedMediaType, Error: "A body needs the content type application/json.");
            try
            {
                using var document = JsonDocument.Parse(buffer.AsMemory(0, length), ParseOptions);
                if (JsonContent.FindProblem(document.RootElement) is { } problem)
                    return new(JsonBodyStatus.Malformed, Error: problem.Message, Field: problem.Path);
                return new(JsonBodyStatus.Parsed, document.RootElement.Clone(), Raw: raw);
            }
            catch (JsonException ex)
            {
                return new(JsonBodyStatus.Malformed, Error: $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>application/json, text/json and any <c>+json</c> type (e.g. application/cloudevents+json).</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.MediaType.HasValue)
            return false;
        var type = mediaType.MediaType.Value!;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
