using Itsm.Orchestrator.Persistence.Configurations;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The EF Core model of the Itsm database: the schema source for migrations, definition storage and the
/// list queries. The workflow store's hot path (commits, resume lookups) bypasses it with the provider's own
/// commands. This class is the model and SQLite's context (its migrations are in <c>Migrations/</c>); PostgreSQL
/// derives <see cref="PostgreSql.PostgreSqlDbContext"/> for its own migrations and the few column differences.
/// It also keeps ASP.NET Core's Data Protection keys, so every host on one database decrypts every cookie.
/// </summary>
public class ItsmDbContext : DbContext, IDataProtectionKeyContext
{
    public ItsmDbContext(DbContextOptions<ItsmDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's derived context (its own options type, its own migrations).</summary>
    protected ItsmDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal DbSet<InstanceEntity> Instances => Set<InstanceEntity>();

    internal DbSet<BookmarkEntity> Bookmarks => Set<BookmarkEntity>();

    internal DbSet<TaskEntity> Tasks => Set<TaskEntity>();

    internal DbSet<JournalEntity> Journal => Set<JournalEntity>();

    internal DbSet<FaultEntity> Faults => Set<FaultEntity>();

    internal DbSet<DefinitionEntity> Definitions => Set<DefinitionEntity>();

    internal DbSet<UserEntity> Users => Set<UserEntity>();

    internal DbSet<OutboxEntity> Outbox => Set<OutboxEntity>();

    internal DbSet<InstanceAttemptEntity> InstanceAttempts => Set<InstanceAttemptEntity>();

    internal DbSet<RecordEntity> Records => Set<RecordEntity>();

    internal DbSet<WebhookDeliveryEntity> WebhookDeliveries => Set<WebhookDeliveryEntity>();

    internal DbSet<RecordCounterEntity> RecordCounters => Set<RecordCounterEntity>();

    internal DbSet<RecordLinkEntity> RecordLinks => Set<RecordLinkEntity>();

    internal DbSet<RecordChangeEntity> RecordChanges => Set<RecordChangeEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new InstanceConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkConfiguration());
        modelBuilder.ApplyConfiguration(new TaskConfiguration());
        modelBuilder.ApplyConfiguration(new JournalConfiguration());
        modelBuilder.ApplyConfiguration(new FaultConfiguration());
        modelBuilder.ApplyConfiguration(new DefinitionConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxConfiguration());
        modelBuilder.ApplyConfiguration(new InstanceAttemptConfiguration());
        modelBuilder.ApplyConfiguration(new RecordConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookDeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new RecordCounterConfiguration());
        modelBuilder.ApplyConfiguration(new RecordLinkConfiguration());
        modelBuilder.ApplyConfiguration(new RecordChangeConfiguration());
    }
}
