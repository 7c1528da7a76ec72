using Itsm.Orchestrator.Persistence.Configurations;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The EF Core model of the Itsm database: the schema source for migrations, definition storage and the
/// list queries. The workflow store's hot path (commits, resume lookups) bypasses it with raw SQLite commands.
/// </summary>
public sealed class ItsmDbContext(DbContextOptions<ItsmDbContext> options) : DbContext(options)
{
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
    }
}
