using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary><see cref="IDatabaseErrors"/> for SQLite: reads the extended result code of the failed statement.</summary>
internal sealed class SqliteDatabaseErrors : IDatabaseErrors
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: the extended codes of SQLITE_CONSTRAINT (19) that mean
    // "a row with this key exists". A NOT NULL or CHECK failure is a bug, not a duplicate, and must not read as one.
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    public bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey })
            {
                return true;
            }
        }

        return false;
    }
}
