namespace Itsm.Orchestrator.Security;

/// <summary>
/// The data folder holds the database, the Data Protection keys that encrypt cookies and the generated secrets:
/// on Unix it is created readable by the service account only (0700) and its files 0600. Only what Itsm
/// creates is restricted; a folder or file that already exists keeps the modes its owner gave it.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (0700 on Unix) and any missing parents (default mode, as they are not Itsm's).</summary>
    public static void CreateDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> empty with mode 0600 when it does not exist, so SQLite (which keeps an
    /// existing file's mode, and gives its -wal and -shm files the same) never creates it world-readable.
    /// </summary>
    public static void CreateEmptyFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: it is theirs to have made private.
        }
    }
}
