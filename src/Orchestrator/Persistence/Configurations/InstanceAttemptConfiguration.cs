using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class InstanceAttemptConfiguration : IEntityTypeConfiguration<InstanceAttemptEntity>
{
    public void Configure(EntityTypeBuilder<InstanceAttemptEntity> builder)
    {
        builder.ToTable("InstanceAttempts");
        builder.HasKey(e => e.InstanceId);
    }
}
