using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<TaskEntity>
{
    public void Configure(EntityTypeBuilder<TaskEntity> builder)
    {
        builder.ToTable("Tasks");
        builder.HasKey(e => e.BookmarkId);

        // The inbox: a role's tasks newest first, and every task newest first (keyset on CreatedAt, BookmarkId).
        builder.HasIndex(e => new { e.Role, e.CreatedAt });
        builder.HasIndex(e => new { e.CreatedAt, e.BookmarkId });
        // Deleting an instance removes its tasks.
        builder.HasIndex(e => e.InstanceId);
        // No foreign key to Bookmarks: the writer removes both rows in one commit, and SQLite only enforces foreign
        // keys on connections that ask for them (the writer's raw connection would not).
    }
}
