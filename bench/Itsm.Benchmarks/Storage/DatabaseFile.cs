using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Itsm.Benchmarks.Storage;

/// <summary>Raw, read-mostly access to a closed Itsm database for measuring it; never used while a store has it open.</summary>
internal sealed class DatabaseFile : IDisposable
{
    private readonly SqliteConnection _connection;

    public DatabaseFile(string path)
    {
        Path = path;
        // Pooling off: the file must really be closed when this is disposed (the folder is deleted afterwards).
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
    }

    public string Path { get; }

    /// <summary>
    /// Moves every WAL frame into the main file and truncates the WAL to zero bytes; returns the size of the
    /// main file afterwards (plus any WAL left, which should be 0).
    /// </summary>
    public long CheckpointAndMeasure()
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            using var reader = command.ExecuteReader();
            // Columns: busy, log frames, checkpointed frames. busy=1 means a reader blocked the truncate.
            if (reader.Read() && reader.GetInt64(0) != 0)
            {
                throw new InvalidOperationException($"wal_checkpoint(TRUNCATE) was blocked on {Path}: another connection is still open.");
            }
        }

        var wal = new FileInfo(Path + "-wal");
        return new FileInfo(Path).Length + (wal.Exists ? wal.Length : 0);
    }

    public long PageSize => Scalar("PRAGMA page_size;");

    public long FreePages => Scalar("PRAGMA freelist_count;");

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public string Text(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>
    /// A SQL expression summing the stored bytes of every TEXT/BLOB column of <paramref name="table"/> (from its
    /// schema, so new columns are counted). INTEGER columns are left out: SQLite stores them as 0–8 byte varints,
    /// and <c>length()</c> of an integer would count its decimal digits instead.
    /// </summary>
    public string TextBytesExpression(string table)
    {
        var parts = new List<string>();
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT name, type FROM pragma_table_info('{table}');";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var type = reader.GetString(1);
                if (type.Contains("TEXT", StringComparison.OrdinalIgnoreCase) || type.Contains("BLOB", StringComparison.OrdinalIgnoreCase))
                {
                    // CAST to BLOB so length() counts UTF-8 bytes, not characters.
                    parts.Add($"coalesce(length(CAST(\"{reader.GetString(0)}\" AS BLOB)), 0)");
                }
            }
        }

        return parts.Count == 0 ? "0" : string.Join(" + ", parts);
    }

    /// <summary>
    /// Bytes of b-tree pages per table and index from the <c>dbstat</c> virtual table, largest first, or null when
    /// this SQLite build lacks it (it is a compile-time option).
    /// </summary>
    public IReadOnlyList<PageUsage>? PagesByTable()
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT name, count(*), sum(pgsize), sum(payload) FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC;";
            using var reader = command.ExecuteReader();
            var rows = new List<PageUsage>();
            while (reader.Read())
            {
                rows.Add(new PageUsage(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            }

            return rows;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    public void Dispose() => _connection.Dispose();
}
