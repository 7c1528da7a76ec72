using Microsoft.Playwright;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// The flowchart of a Studio editor or viewer as X6 draws it: each node is a <c>g.x6-node</c> whose
/// <c>data-cell-id</c> is the activity's id, each connection a <c>g.x6-edge</c>, each port a <c>[port]</c> magnet.
/// Mouse gestures go through the real mouse, as a person drags.
/// </summary>
public sealed class StudioCanvas(IPage page, string host)
{
    public ILocator Nodes => page.Locator($"{host} g.x6-node");

    public ILocator Edges => page.Locator($"{host} g.x6-edge");

    public ILocator Graph => page.Locator($"{host} .x6-graph").First;

    public ILocator Node(string activityId) => page.Locator($"{host} g.x6-node[data-cell-id=\"{activityId}\"]");

    public ILocator Port(string activityId, string port) => Node(activityId).Locator($"[port=\"{port}\"]").First;

    /// <summary>The activity ids of the nodes drawn now.</summary>
    public async Task<IReadOnlyList<string>> NodeIdsAsync()
        => await Nodes.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.getAttribute('data-cell-id'))");

    /// <summary>Drags from one port to another with the mouse, in small steps so X6 sees a connecting gesture.</summary>
    public async Task ConnectAsync(string sourceId, string sourcePort, string targetId, string targetPort)
    {
        var from = await CenterAsync(Port(sourceId, sourcePort));
        var to = await CenterAsync(Port(targetId, targetPort));
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((from.X + to.X) / 2, (from.Y + to.Y) / 2, new() { Steps = 10 });
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Clicks a node's body (its middle, away from the ports on its sides), which selects it.</summary>
    public async Task SelectAsync(string activityId)
    {
        var center = await CenterAsync(Node(activityId));
        await page.Mouse.ClickAsync(center.X, center.Y);
    }

    public static async Task<(float X, float Y)> CenterAsync(ILocator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not visible");
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }
}
