using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class RecordCounterConfiguration : IEntityTypeConfiguration<RecordCounterEntity>
{
    public void Configure(EntityTypeBuilder<RecordCounterEntity> builder)
    {
        builder.ToTable("RecordCounters");
        // The key makes two nodes racing to create a type's first row collide instead of both starting at 1.
        builder.HasKey(e => e.RecordType);
    }
}
