using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// One host (<see cref="StudioHost"/>) and one headless Chromium per test class (<c>IClassFixture&lt;BrowserFixture&gt;</c>);
/// each test opens its own <see cref="StudioSession"/> (a fresh browser context: its own cookies). The browser is
/// Debian's <c>/usr/bin/chromium</c>, driven by Playwright without downloading anything. When it is missing every test
/// of the class fails with how to install it: browser tests never skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Quiet and offline: no sandbox (containers), no GPU, no QUIC, no background or update traffic.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Blazor WebAssembly loads ~160 files before an element renders; on a busy 2-core machine that takes a while.</summary>
    public const float DefaultTimeoutMs = 45_000;

    private IPlaywright? _playwright;

    public StudioHost Host { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: the browser tests need Debian's chromium (apt-get install -y chromium; .ci/run installs it). "
                + "They never download a browser and never skip.");
        }

        await Host.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>A fresh browser context and page; signed in through the form when <paramref name="user"/> is given.</summary>
    /// <param name="name">Names the screenshots (defaults to the calling test's name).</param>
    public async Task<StudioSession> OpenAsync(StudioUser? user = null, [CallerMemberName] string name = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
        var page = await context.NewPageAsync();
        var session = new StudioSession(context, page, Host.BaseAddress, name);
        if (user is not null)
        {
            await session.SignInAsync(user);
        }

        return session;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
