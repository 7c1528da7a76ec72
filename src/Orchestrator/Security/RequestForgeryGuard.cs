using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Runs after authorization, before the endpoint. For people (sign-in cookie): an unsafe request (POST, PUT,
/// PATCH, DELETE) sent by another site is refused (403), and so is a GET marked <see cref="ChangesStateAttribute"/>
/// (a link on any site would carry the Lax cookie). For every API caller: a POST, PUT or PATCH with a body must
/// be JSON (415), because an HTML form or a "simple" cross-site request can only send form or text bodies; routes
/// that declare multipart uploads with <c>[Consumes]</c> keep their own content types (MVC enforces them) and
/// still get the origin check. API-key callers are programs, not browsers: no origin check. Webhooks
/// (<c>/workflows</c>) and the sign-in pages (<c>/account</c>, which check the origin themselves) are left alone.
/// </summary>
public sealed partial class RequestForgeryGuard(RequestDelegate next, ILogger<RequestForgeryGuard> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (ItsmPaths.IsWebhook(request.Path) || request.Path.StartsWithSegments(ItsmPaths.Account, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var isUnsafe = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        var endpoint = context.GetEndpoint();
        if (IsCookieSession(context))
        {
            if (isUnsafe && CrossSiteRequests.IsCrossSite(request))
            {
                LogCrossSite(logger, request.Method, request.Path, request.Headers.Origin.ToString());
                return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                    "A signed-in request that changes something must come from Itsm's own pages (its Origin is another site).");
            }

            if (!isUnsafe && endpoint?.Metadata.GetMetadata<ChangesStateAttribute>() is not null)
            {
                return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                    $"GET {request.Path} changes state and is accepted only with an API key; signed-in people use POST.");
            }
        }

        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            && ItsmPaths.IsApi(request.Path)
            && HasBody(request)
            && !IsJson(request.ContentType)
            && !AcceptsMultipart(endpoint))
        {
            return ApiProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be JSON (Content-Type: application/json), not '{request.ContentType}'.");
        }

        return next(context);
    }

    private static bool IsCookieSession(HttpContext context)
        => context.User.Identities.Any(identity => identity.IsAuthenticated
            && string.Equals(identity.AuthenticationType, ItsmAuthenticationSchemes.Cookie, StringComparison.Ordinal));

    // Without a length a body may still come chunked; an empty body has nothing to smuggle.
    private static bool HasBody(HttpRequest request)
        => request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0)
            || (request.ContentLength is null && !string.IsNullOrEmpty(request.ContentType));

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? "";
        return string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool AcceptsMultipart(Endpoint? endpoint)
        => endpoint?.Metadata.GetOrderedMetadata<ConsumesAttribute>()
            .Any(consumes => consumes.ContentTypes.Any(type => type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))) == true;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused cross-site {Method} {Path} (Origin {Origin}) with a sign-in cookie")]
    private static partial void LogCrossSite(ILogger logger, string method, string path, string origin);
}
