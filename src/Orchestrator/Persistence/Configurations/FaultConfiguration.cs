using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class FaultConfiguration : IEntityTypeConfiguration<FaultEntity>
{
    public void Configure(EntityTypeBuilder<FaultEntity> builder)
    {
        builder.ToTable("Faults");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.InstanceId);
    }
}
