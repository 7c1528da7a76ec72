using Microsoft.Playwright;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// One browser context (its own cookies) with one page, guarded by a <see cref="PageGuard"/>. Disposing it saves a
/// last screenshot (<c>{name}.last.png</c>: what the page showed when the test ended, passed or failed).
/// </summary>
public sealed class StudioSession : IAsyncDisposable
{
    private readonly string _name;

    internal StudioSession(IBrowserContext context, IPage page, Uri baseAddress, string name)
    {
        Context = context;
        Page = page;
        BaseAddress = baseAddress;
        _name = name;
        Guard = new PageGuard(page, baseAddress);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public PageGuard Guard { get; }

    public Uri BaseAddress { get; }

    /// <summary>Opens a path of the host (e.g. <c>/studio/definitions</c>).</summary>
    public Task<IResponse?> GotoAsync(string path) => Page.GotoAsync(new Uri(BaseAddress, path).ToString());

    /// <summary>Signs in through the sign-in form, as a person does, and waits for the page it returns to.</summary>
    public async Task SignInAsync(StudioUser user, string returnUrl = "/studio")
    {
        ArgumentNullException.ThrowIfNull(user);
        await GotoAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await FillSignInFormAsync(user);
        // Waits for the redirect to commit, not for the page's load event: what a test does next waits for its own
        // elements, and once in CI the load of Studio's page behind a sign-in outlasted the 45 s timeout.
        await Page.WaitForURLAsync(new Uri(BaseAddress, returnUrl).ToString(), new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Fills and submits the sign-in form already on the page.</summary>
    public async Task FillSignInFormAsync(StudioUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await Page.FillAsync("#userName", user.UserName);
        await Page.FillAsync("#password", user.Password);
        await Page.ClickAsync("button[type=submit]");
    }

    /// <summary>Saves a full-page screenshot as a test artifact and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Screenshots.PathFor($"{_name}.{name}");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ScreenshotAsync("last");
        }
        catch (PlaywrightException)
        {
            // The page may be gone already (a crashed browser): the test reports that failure itself.
        }

        await Context.CloseAsync();
    }
}
