using System.Text.RegularExpressions;
using Itsm.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Itsm.Browser.Tests.Studio;

/// <summary>Signing in to /studio and the definitions list, in a real browser against the real host.</summary>
public sealed class StudioPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The A.1.1 stream shipped in <c>workflows/</c>, seeded into every fresh database.</summary>
    private const string IncidentStreamId = "a11-incident-resolution";
    private const string IncidentStreamName = "A.1.1 Incident resolution: warehouse WiFi";

    [Fact]
    public async Task Signing_in_through_the_form_opens_the_studio_shell()
    {
        await using var session = await browser.OpenAsync();

        await session.GotoAsync("/studio");
        session.Page.Url.Should().Contain("/account/sign-in", "an anonymous browser is sent to the sign-in form first");
        await session.FillSignInFormAsync(StudioUser.ProcessOwner);
        await session.Page.WaitForURLAsync(new Uri(session.BaseAddress, "/studio").ToString());

        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "Itsm Studio" }).WaitForAsync();
        (await session.Page.GetByText($"Signed in as {StudioUser.ProcessOwner.UserName}").CountAsync()).Should().Be(1);
        (await session.Page.GetByRole(AriaRole.Link, new() { Name = "Workflow definitions" }).GetAttributeAsync("href")).Should().Be("/studio/definitions");
        (await session.Page.GetByRole(AriaRole.Link, new() { Name = "Workflow instances" }).GetAttributeAsync("href")).Should().Be("/studio/instances");
        await session.ScreenshotAsync("shell");
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task Anonymous_browser_asking_for_the_definitions_is_sent_to_sign_in_and_back()
    {
        await using var session = await browser.OpenAsync();

        await session.GotoAsync("/studio/definitions");

        var url = new Uri(session.Page.Url);
        url.AbsolutePath.Should().Be("/account/sign-in");
        Uri.UnescapeDataString(url.Query).Should().Contain("returnUrl=/studio/definitions");
        await session.FillSignInFormAsync(StudioUser.Manager);
        await session.Page.WaitForURLAsync(new Uri(session.BaseAddress, "/studio/definitions").ToString());
        await session.Page.GetByText(IncidentStreamName, new() { Exact = true }).WaitForAsync();
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task Definitions_list_shows_the_shipped_streams()
    {
        await using var session = await browser.OpenAsync(StudioUser.ProcessOwner);

        await session.GotoAsync("/studio/definitions");

        await session.Page.GetByText(IncidentStreamName, new() { Exact = true }).WaitForAsync();
        (await session.Page.GetByText(IncidentStreamId, new() { Exact = true }).CountAsync()).Should().Be(1);
        // No key or token is in the page: Studio's calls are same-origin and signed in by the person's cookie alone.
        session.Guard.ApiCalls.Should().NotBeEmpty()
            .And.OnlyContain(call => call.Status == 200 && !call.HadAuthorizationHeader);
        await session.ScreenshotAsync("definitions");
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task A_row_of_the_definitions_list_opens_its_editor_page()
    {
        await using var session = await browser.OpenAsync(StudioUser.ProcessOwner);
        await session.GotoAsync("/studio/definitions");
        var row = session.Page.Locator("tr", new() { HasText = IncidentStreamName });

        // The row menu's first entry is Edit when the list is editable, View when it is read-only: both raise
        // EditWorkflowDefinition, which the page answers by opening Itsm's editor page.
        await row.Locator("button").Last.ClickAsync();
        await session.Page.Locator(".mud-popover-open .mud-menu-item").First.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex($"/studio/definitions/{IncidentStreamId}$"));
        // The flowchart is drawn once the definition and the activity descriptors have arrived: its nodes are X6 cells.
        await session.Page.Locator("elsa-workflow-definition-editor .x6-node").First.WaitForAsync();
        (await session.Page.Locator("elsa-workflow-definition-editor .x6-node").CountAsync()).Should().BeGreaterThan(1);
        await session.ScreenshotAsync("editor");
        await session.Guard.AssertCleanAsync();
    }
}
