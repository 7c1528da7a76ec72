using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class RecordConfiguration : IEntityTypeConfiguration<RecordEntity>
{
    public void Configure(EntityTypeBuilder<RecordEntity> builder)
    {
        builder.ToTable("Records");
        // One row per record: (type, id) is its identity, and upserts conflict on it.
        builder.HasKey(e => new { e.RecordType, e.RecordId });
        builder.HasIndex(e => e.InstanceId);
        // The lists' keyset order (newest first) and their filters, each within a type.
        builder.HasIndex(e => new { e.RecordType, e.CreatedAt, e.RecordId });
        builder.HasIndex(e => new { e.RecordType, e.Status });
        builder.HasIndex(e => new { e.RecordType, e.Priority });
        // A human number names one record of its type; records without one (plugins' own types) are not constrained.
        builder.HasIndex(e => new { e.RecordType, e.Number }).IsUnique().HasFilter("\"Number\" IS NOT NULL");
    }
}
