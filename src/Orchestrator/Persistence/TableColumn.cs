using System.Data.Common;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// One column of a table the hot path writes, declared once for both providers: its name (for the INSERT and SELECT
/// lists), its value in a <typeparamref name="TRow"/> (what the writer binds) and how a reader puts it back. Plain
/// delegates, no reflection, so a row costs one call per column either way.
/// </summary>
internal sealed record TableColumn<TRow>(
    string Name,
    Func<TRow, object?> Value,
    Func<DbDataReader, int, TRow, TRow> Read);
