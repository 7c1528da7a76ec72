using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<BookmarkEntity>
{
    public void Configure(EntityTypeBuilder<BookmarkEntity> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(e => e.Id);

        // Resume by trigger: one seek on (Kind, Key[, CorrelationId]).
        builder.HasIndex(e => new { e.Kind, e.Key, e.CorrelationId });
        builder.HasIndex(e => e.InstanceId);
        // Only timers have ResumeAt; a partial index keeps the start-up re-arm scan small.
        builder.HasIndex(e => e.ResumeAt).HasFilter("\"ResumeAt\" IS NOT NULL");
    }
}
