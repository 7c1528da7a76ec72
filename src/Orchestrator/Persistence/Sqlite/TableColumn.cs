using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// One column of a table the hot path writes, declared once: its name (for the INSERT and SELECT lists), how the
/// writer binds it from a <typeparamref name="TRow"/> and how the reader puts it back. Plain delegates, no reflection,
/// so a row costs one call per column either way.
/// </summary>
internal sealed record TableColumn<TRow>(
    string Name,
    Action<WriterStatement, int, TRow> Bind,
    Func<SqliteDataReader, int, TRow, TRow> Read);
