using Microsoft.Playwright;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// Refreshes a screenshot kept in the repository's <c>docs/images/</c> (shown by the README) when
/// <c>ITSM_UPDATE_DOCS_SCREENSHOTS=1</c>; otherwise does nothing, so an ordinary run never dirties the work tree.
/// </summary>
public static class DocsScreenshot
{
    public static async Task SaveAsync(IPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable("ITSM_UPDATE_DOCS_SCREENSHOTS") != "1") return;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Itsm.sln"))) continue;
            var images = Path.Combine(folder.FullName, "docs", "images");
            Directory.CreateDirectory(images);
            // A wide window, then zoom to fit (the designer toolbar's first button), so the whole stream shows; the
            // fit is done once the canvas' viewport transform has changed.
            await page.SetViewportSizeAsync(1920, 1000);
            const string Transform = "() => document.querySelector('elsa-workflow-definition-editor .x6-graph-svg-viewport')?.getAttribute('transform')";
            var before = await page.EvaluateAsync<string?>(Transform);
            await page.Locator("elsa-workflow-definition-editor .mud-toolbar button").First.ClickAsync();
            await page.WaitForFunctionAsync($"before => ({Transform})() !== before", before);
            // The viewport, not the full page: what a person sees, and small enough for the README.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(images, fileName) });
            return;
        }

        throw new InvalidOperationException("Itsm.sln not found above the test binaries: cannot place the docs screenshot.");
    }
}
