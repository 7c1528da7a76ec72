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
    }
}
