namespace Itsm.Orchestrator.Tests.Support;

/// <summary>A fresh folder under the temp directory, deleted (with any SQLite files in it, or its PostgreSQL database) on dispose.</summary>
public sealed class TempDataFolder : IDisposable
{
    public TempDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "itsm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        // Pooled connections keep the database files open; on Windows that blocks the delete. On PostgreSQL the
        // folder's database is dropped with it.
        TestDatabase.Release(Path);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException) when (attempt < 5)
            {
                Thread.Sleep(100);
            }
        }
    }
}
