using System.Net;
using System.Text;
using Itsm.Activities.Definitions;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>A webhook that requires sign-in accepts the cookie, so it must refuse another site driving a signed-in browser.</summary>
public sealed class ProtectedWebhookCrossSiteTests
{
    [Fact]
    public async Task Signed_in_cross_site_post_to_a_protected_webhook_is_403_and_starts_nothing()
    {
        await using var app = new SecurityTestApp();
        var flow = new FlowBuilder("protected-hook")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "protected")), ("supportedMethods", Obj("String[]", "[\"POST\"]")),
                ("authorize", Literal("Boolean", "true")))
            .Trigger("hook");
        var saved = await app.Services.GetRequiredService<IWorkflowDefinitionService>().SaveAsync(ElsaJson.ParseDefinition(flow.ToJson()), publish: true, default);
        saved.Succeeded.Should().BeTrue();
        using var browser = await app.SignedInAsync("admin", SecurityTestApp.AdminPassword);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/workflows/protected") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        crossSite.Headers.Add("Origin", "https://evil.example");
        (await browser.SendAsync(crossSite)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/workflows/protected") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        (await browser.SendAsync(sameSite)).StatusCode.Should().Be(HttpStatusCode.Accepted, "from Itsm's own origin the signed-in caller may start it");
    }
}
