using System.Text;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// A generated secret kept in the data folder (the development API key, the first admin password): created
/// once, readable only by the service account, and read back unchanged on every later start. Two processes
/// starting on one folder agree on a single value because the file appears atomically (rename, no overwrite).
/// </summary>
internal static class SecretFile
{
    /// <summary>The file's trimmed content, or null when it is missing or blank.</summary>
    public static async Task<string?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Reads the secret, or writes <paramref name="generate"/>'s value when there is none yet.</summary>
    public static async Task<(string Value, bool Created)> ReadOrCreateAsync(string path, Func<string> generate, CancellationToken cancellationToken)
    {
        var existing = await TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return (existing, false);
        }

        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = generate();
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.FileMode;
        }

        var stream = new FileStream(temporary, options);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(value + Environment.NewLine), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // A blank file is as good as none (an interrupted earlier attempt): replace it.
            File.Move(temporary, path, overwrite: File.Exists(path) && await TryReadAsync(path, cancellationToken).ConfigureAwait(false) is null);
            return (value, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race: use its value so both agree.
            File.Delete(temporary);
            return (await TryReadAsync(path, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The secret file '{path}' is empty."), false);
        }
    }
}
