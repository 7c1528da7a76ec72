namespace Itsm.Browser.Tests.Support;

/// <summary>
/// Where screenshots are kept as test artifacts: <c>$ITSM_SCREENSHOTS</c> when set (<c>.ci/run</c> sets it), else
/// <c>TestResults/artifacts/screenshots</c> in this test project's folder, next to the TRX files <c>dotnet test</c> writes there.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Resolve();

    public static string PathFor(string name)
    {
        Directory.CreateDirectory(Folder);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
        return Path.Combine(Folder, safe + ".png");
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("ITSM_SCREENSHOTS") is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Itsm.Browser.Tests.csproj")))
            {
                return Path.Combine(folder.FullName, "TestResults", "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts", "screenshots");
    }
}
