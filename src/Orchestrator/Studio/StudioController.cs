using System.Security.Claims;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Studio;

/// <summary>
/// The pages of <c>/studio</c>. Any signed-in person may open them (a browser without the cookie is sent to the
/// sign-in form); what they may change is the API's decision, which Studio reads from the links it is sent.
/// Studio navigates by itself to <c>workflows/definitions/{id}/edit</c> and <c>workflows/instances/{id}/view</c>
/// relative to the base (a full page load: the custom-elements host has no router), so those paths redirect here.
/// </summary>
[Route("studio")]
[Authorize(Policy = ItsmPolicies.Read)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class StudioController(StudioFiles files) : ControllerBase
{
    [HttpGet("")]
    public IActionResult Shell()
        => Html(StudioPages.Shell(PathBase, User.Identity?.Name, [.. User.FindAll(ClaimTypes.Role).Select(role => role.Value)], files.Installed), StudioPages.ShellPolicy);

    [HttpGet("definitions")]
    public IActionResult DefinitionList() => Element(StudioPage.DefinitionList);

    [HttpGet("definitions/{definitionId}")]
    public IActionResult DefinitionEditor(string definitionId) => Element(StudioPage.DefinitionEditor(definitionId));

    [HttpGet("instances")]
    public IActionResult InstanceList() => Element(StudioPage.InstanceList);

    [HttpGet("instances/{instanceId}")]
    public IActionResult InstanceViewer(string instanceId) => Element(StudioPage.InstanceViewer(instanceId));

    [HttpGet("workflows/definitions")]
    public IActionResult StudioDefinitionList() => LocalRedirect($"{PathBase}/studio/definitions");

    [HttpGet("workflows/definitions/{definitionId}/edit")]
    public IActionResult StudioDefinitionEditor(string definitionId) => LocalRedirect($"{PathBase}/studio/definitions/{Uri.EscapeDataString(definitionId)}");

    [HttpGet("workflows/instances")]
    public IActionResult StudioInstanceList() => LocalRedirect($"{PathBase}/studio/instances");

    [HttpGet("workflows/instances/{instanceId}/view")]
    public IActionResult StudioInstanceViewer(string instanceId) => LocalRedirect($"{PathBase}/studio/instances/{Uri.EscapeDataString(instanceId)}");

    private string PathBase => Request.PathBase.Value ?? "";

    private ContentResult Element(StudioPage page)
    {
        if (!files.Installed)
        {
            return Html(StudioPages.NotInstalled(PathBase), StudioPages.ShellPolicy, StatusCodes.Status503ServiceUnavailable);
        }

        // The element's HttpClient needs an absolute base address: this request's own origin.
        var apiRoot = $"{Request.Scheme}://{Request.Host}{PathBase}/elsa/api";
        return Html(StudioPages.Element(page, PathBase, apiRoot), StudioPages.ElementPolicy);
    }

    private ContentResult Html(string html, string policy, int statusCode = StatusCodes.Status200OK)
    {
        Response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // Built for this person and this origin: never stored by a cache.
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return new ContentResult { StatusCode = statusCode, ContentType = "text/html; charset=utf-8", Content = html };
    }
}
