using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class RecordLinkConfiguration : IEntityTypeConfiguration<RecordLinkEntity>
{
    public void Configure(EntityTypeBuilder<RecordLinkEntity> builder)
    {
        builder.ToTable("RecordLinks");
        // The key starts with the owning record: its write deletes and re-inserts its links by that prefix.
        builder.HasKey(e => new { e.FromType, e.FromId, e.ToType, e.ToId, e.Relation });
        builder.HasIndex(e => new { e.ToType, e.ToId });
    }
}
