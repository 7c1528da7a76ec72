using Npgsql;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary><see cref="IDatabaseErrors"/> for PostgreSQL: reads the SQLSTATE of the failed statement.</summary>
internal sealed class PostgreSqlDatabaseErrors : IDatabaseErrors
{
    public bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        }

        return false;
    }
}
