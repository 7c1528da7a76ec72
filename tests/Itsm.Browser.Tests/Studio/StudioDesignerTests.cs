using System.Text.Json.Nodes;
using Itsm.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Itsm.Browser.Tests.Studio;

/// <summary>
/// The designer in a real browser against the real host: who may edit, what the editor draws, an edit made with the
/// mouse reaching the API, Publish and Run, and the instance viewer following a run to its end. Each test publishes
/// its own small definition through the API first (never editing a shipped stream), and fails on any console error or
/// failed request (<see cref="PageGuard"/>).
/// </summary>
public sealed class StudioDesignerTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Editor = "elsa-workflow-definition-editor";
    private const string Viewer = "elsa-workflow-instance-viewer";
    private const string ReadOnlyBanner = "Unable to make changes as the workflow or application is currently in read-only mode";
    private const string IncidentStreamId = "a11-incident-resolution";
    private static readonly LocatorAssertionsToHaveCountOptions Patient = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_manager_sees_the_definitions_and_the_editor_read_only()
    {
        using var api = new StudioApi(browser.Host);
        await api.SaveAsync(TestDefinitions.StartThenWrite("read-only-for-managers"), publish: true);
        await using var session = await browser.OpenAsync(StudioUser.Manager);

        await session.GotoAsync("/studio/definitions");
        var menu = await OpenRowMenuAsync(session, "read-only-for-managers");

        (await CreateWorkflowButton(session).IsDisabledAsync()).Should().BeTrue("a manager designs nothing");
        menu["Publish"].Should().Be("true", "a manager cannot publish");
        menu["Delete"].Should().Be("true", "a manager cannot delete");
        menu["View"].Should().Be("false", "a manager may still open a definition to read it");
        await session.ScreenshotAsync("list");

        await session.GotoAsync("/studio/definitions/read-only-for-managers");
        await Expect(new StudioCanvas(session.Page, Editor).Nodes).ToHaveCountAsync(2, Patient);
        await session.Page.GetByText(ReadOnlyBanner).WaitForAsync();
        (await session.Page.GetByText("Auto-save").CountAsync()).Should().Be(0, "the read-only viewer offers no saving");
        await session.ScreenshotAsync("editor");
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task A_process_owner_sees_the_definitions_and_the_editor_editable()
    {
        using var api = new StudioApi(browser.Host);
        await api.SaveAsync(TestDefinitions.StartThenWrite("editable-for-owners"), publish: true);
        await using var session = await browser.OpenAsync(StudioUser.ProcessOwner);

        await session.GotoAsync("/studio/definitions");
        var menu = await OpenRowMenuAsync(session, "editable-for-owners");

        (await CreateWorkflowButton(session).IsDisabledAsync()).Should().BeFalse();
        menu["Edit"].Should().Be("false");
        menu["Publish"].Should().Be("false");
        menu["Delete"].Should().Be("false");

        await session.GotoAsync("/studio/definitions/editable-for-owners");
        await Expect(new StudioCanvas(session.Page, Editor).Nodes).ToHaveCountAsync(2, Patient);
        await session.Page.GetByText("Auto-save").WaitForAsync();
        (await session.Page.GetByText(ReadOnlyBanner).CountAsync()).Should().Be(0);
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task The_editor_draws_every_node_and_connection_of_the_incident_stream()
    {
        using var api = new StudioApi(browser.Host);
        var definition = await api.LatestAsync(IncidentStreamId);
        var activities = definition["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        var connections = definition["root"]!["connections"]!.AsArray().Count;
        activities.Should().HaveCountGreaterThan(10, "A.1.1 is the shipped incident stream");
        await using var session = await browser.OpenAsync(StudioUser.ProcessOwner);

        await session.GotoAsync($"/studio/definitions/{IncidentStreamId}");
        var canvas = new StudioCanvas(session.Page, Editor);

        await Expect(canvas.Nodes).ToHaveCountAsync(activities.Count, Patient);
        await Expect(canvas.Edges).ToHaveCountAsync(connections, Patient);
        (await canvas.NodeIdsAsync()).Should().BeEquivalentTo(activities, "each node is drawn as the X6 cell of its activity id");
        await session.ScreenshotAsync("editor");
        await DocsScreenshot.SaveAsync(session.Page, "studio-editor.png");
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task An_activity_added_connected_and_edited_with_the_mouse_is_saved_and_read_back_through_the_api()
    {
        const string definitionId = "edited-in-the-browser";
        const string typed = "typed into Studio's property panel";
        using var api = new StudioApi(browser.Host);
        await api.SaveAsync(TestDefinitions.StartThenWrite(definitionId), publish: true);
        await using var session = await browser.OpenAsync(StudioUser.ProcessOwner);
        await session.GotoAsync($"/studio/definitions/{definitionId}");
        var page = session.Page;
        var canvas = new StudioCanvas(page, Editor);
        await Expect(canvas.Nodes).ToHaveCountAsync(2, Patient);
        await page.GetByText("Auto-save").WaitForAsync();

        // Drag "Write Line" from the toolbox's Console group onto the canvas, above the existing Write Line (below it
        // the node would sit under the editor's bottom panel).
        await page.Locator($"{Editor} .mud-expand-panel-header", new() { HasText = "Console" }).First.ClickAsync();
        var toolboxItem = page.Locator($"{Editor} [draggable=true]", new() { HasText = "Write Line" }).First;
        await toolboxItem.WaitForAsync();
        var graph = await canvas.Graph.BoundingBoxAsync() ?? throw new InvalidOperationException("the canvas is not visible");
        var write = await canvas.Node("write").BoundingBoxAsync() ?? throw new InvalidOperationException("the write node is not visible");
        await toolboxItem.DragToAsync(canvas.Graph, new() { TargetPosition = new() { X = write.X - graph.X, Y = Math.Max(write.Y - graph.Y - 200, 20) } });
        await Expect(canvas.Nodes).ToHaveCountAsync(3, Patient);
        var added = (await canvas.NodeIdsAsync()).Single(id => id is not "start" and not "write");

        await canvas.ConnectAsync("write", "Done", added, "In");
        await Expect(canvas.Edges).ToHaveCountAsync(2, Patient);

        await canvas.SelectAsync(added);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Input", Exact = true }).ClickAsync();
        // The field's label is the legend of its outlined box.
        var text = page.Locator($"{Editor} .mud-input-control:has(legend:text-is('Text')) input:not([type=checkbox])").First;
        await text.FillAsync(typed);
        await text.PressAsync("Tab");
        await page.Locator($"{Editor} label.mud-checkbox", new() { HasText = "Incident management (Service management)" }).First.ClickAsync();

        // Auto-save sends each change about half a second later: read until the last one has arrived.
        var saved = await Eventually.ReadAsync(() => api.LatestAsync(definitionId), latest =>
        {
            var node = latest["root"]!["activities"]!.AsArray().FirstOrDefault(a => a!["id"]!.GetValue<string>() == added);
            return node is not null
                && node["text"]?["expression"]?["value"]?.ToString() == typed
                && node["itilPractices"]?.ToJsonString().Contains("incident-management", StringComparison.Ordinal) == true;
        }, "the added node, its Text input and its practice tag are saved");

        var addedNode = saved["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == added)!;
        addedNode["type"]!.GetValue<string>().Should().Be("Elsa.WriteLine");
        saved["root"]!["connections"]!.AsArray().Should().Contain(c =>
            c!["source"]!["activity"]!.GetValue<string>() == "write" && c["source"]!["port"]!.GetValue<string>() == "Done"
            && c["target"]!["activity"]!.GetValue<string>() == added && c["target"]!["port"]!.GetValue<string>() == "In");
        saved["isPublished"]!.GetValue<bool>().Should().BeFalse("auto-save makes a draft after the published version");
        saved["version"]!.GetValue<int>().Should().Be(2);
        await session.ScreenshotAsync("edited");
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task Publish_in_the_editor_publishes_the_draft_and_Run_starts_the_new_version()
    {
        const string definitionId = "published-in-the-browser";
        using var api = new StudioApi(browser.Host);
        var model = TestDefinitions.StartThenWrite(definitionId);
        await api.SaveAsync(model, publish: true);
        model["description"] = "The second version, a draft until Studio publishes it.";
        var draft = await api.SaveAsync(model, publish: false);
        draft["version"]!.GetValue<int>().Should().Be(2);
        draft["isPublished"]!.GetValue<bool>().Should().BeFalse();
        await using var session = await browser.OpenAsync(StudioUser.ProcessOwner);
        await session.GotoAsync($"/studio/definitions/{definitionId}");
        var page = session.Page;
        await Expect(new StudioCanvas(page, Editor).Nodes).ToHaveCountAsync(2, Patient);

        // The toolbar's cloud icon publishes (a filled twin of it stays hidden at this width); its Run button is the green play icon.
        await page.Locator($"{Editor} button.mud-primary-text:has(path[d^='M19.35 10.04'])").First.ClickAsync();
        await page.GetByText("Workflow published").First.WaitForAsync();
        var published = await Eventually.ReadAsync(() => api.LatestAsync(definitionId), latest => latest["isPublished"]!.GetValue<bool>(),
            "the draft is published");
        published["version"]!.GetValue<int>().Should().Be(2);
        published["id"]!.GetValue<string>().Should().Be(draft["id"]!.GetValue<string>());

        var run = await page.RunAndWaitForResponseAsync(
            () => page.Locator($"{Editor} button.mud-success-text:has(path[d='M8 5v14l11-7z'])").First.ClickAsync(),
            response => response.Url.Contains($"/workflow-definitions/{definitionId}/execute", StringComparison.Ordinal));
        run.Status.Should().Be(200);
        var instanceId = await run.HeaderValueAsync("x-elsa-workflow-instance-id");
        instanceId.Should().NotBeNullOrEmpty();
        var instance = await api.InstanceAsync(instanceId!);
        instance["definitionVersionId"]!.GetValue<string>().Should().Be(draft["id"]!.GetValue<string>(), "Run starts the version just published");
        await session.ScreenshotAsync("published");
        await session.Guard.AssertCleanAsync();
    }

    [Fact]
    public async Task The_instance_viewer_follows_a_waiting_instance_to_its_end_without_a_reload()
    {
        const string definitionId = "followed-in-the-browser";
        const string eventName = "browser-test-release";
        using var api = new StudioApi(browser.Host);
        await api.SaveAsync(TestDefinitions.WaitForEvent(definitionId, eventName), publish: true);
        var instanceId = await api.ExecuteAsync(definitionId);
        (await api.InstanceAsync(instanceId))["subStatus"]!.GetValue<string>().Should().Be("Suspended");
        await using var session = await browser.OpenAsync(StudioUser.ProcessOwner);
        var page = session.Page;

        await session.GotoAsync($"/studio/instances/{instanceId}");
        await Expect(new StudioCanvas(page, Viewer).Nodes).ToHaveCountAsync(3, Patient);
        await page.Locator($"{Viewer} span", new() { HasTextString = "Suspended" }).First.WaitForAsync();
        (await page.Locator($"{Viewer} span:text-is('Finished')").CountAsync()).Should().Be(0, "the instance waits for its event");
        await page.EvaluateAsync("() => window.itsmSamePage = true");
        await session.ScreenshotAsync("waiting");

        (await api.TriggerEventAsync(eventName, instanceId)).Should().Be(1);
        (await api.InstanceAsync(instanceId))["subStatus"]!.GetValue<string>().Should().Be("Finished");

        // The viewer polls execution-state and redraws: the finished status appears in the same page.
        await page.Locator($"{Viewer} span:text-is('Finished')").First.WaitForAsync(new() { Timeout = 60_000 });
        (await page.EvaluateAsync<bool>("() => window.itsmSamePage === true")).Should().BeTrue("the page was not reloaded");
        session.Guard.ApiCalls.Should().Contain(call => call.Url.Contains($"/workflow-instances/{instanceId}/execution-state", StringComparison.Ordinal));
        await session.ScreenshotAsync("finished");
        await session.Guard.AssertCleanAsync();
    }

    private static ILocator CreateWorkflowButton(StudioSession session)
        => session.Page.Locator("elsa-workflow-definition-list button", new() { HasText = "Create workflow" });

    /// <summary>Opens a row's menu and returns its items' <c>aria-disabled</c> by label.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> OpenRowMenuAsync(StudioSession session, string definitionId)
    {
        var row = session.Page.Locator("tr", new() { HasText = definitionId });
        await row.Locator("button").Last.ClickAsync();
        var items = session.Page.Locator(".mud-popover-open .mud-menu-item");
        await items.First.WaitForAsync();
        var states = await items.EvaluateAllAsync<string[][]>("items => items.map(i => [i.innerText.trim(), i.getAttribute('aria-disabled')])");
        return states.ToDictionary(s => s[0], s => s[1]);
    }
}
