using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// <see cref="ItsmDbContext"/>'s model on PostgreSQL, with its own migrations (<c>PostgreSql/Migrations</c>). The
/// model is the same; only what SQLite spells differently is restated here.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : ItsmDbContext(options)
{
    /// <summary>Case-insensitive, accent-sensitive comparison (ICU), for user names: SQLite's NOCASE on ASCII names.</summary>
    public const string CaseInsensitiveCollation = "itsm_case_insensitive";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(CaseInsensitiveCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        modelBuilder.Entity<UserEntity>().Property(e => e.UserName).UseCollation(CaseInsensitiveCollation);
    }
}
