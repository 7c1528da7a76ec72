namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Classifies the provider's exceptions, so code outside the provider's folder never tests provider error codes
/// (SQLite's 19, PostgreSQL's 23505, …). Registered by <see cref="PersistenceServiceCollectionExtensions.AddItsmPersistence"/>.
/// </summary>
public interface IDatabaseErrors
{
    /// <summary>True when <paramref name="exception"/> (or an exception it wraps) is a unique-constraint violation.</summary>
    bool IsUniqueViolation(Exception exception);
}
