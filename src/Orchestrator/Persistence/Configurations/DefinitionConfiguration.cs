using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class DefinitionConfiguration : IEntityTypeConfiguration<DefinitionEntity>
{
    public void Configure(EntityTypeBuilder<DefinitionEntity> builder)
    {
        builder.ToTable("Definitions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ModelJson).IsRequired();

        builder.HasIndex(e => new { e.DefinitionId, e.Version }).IsUnique();
        builder.HasIndex(e => new { e.DefinitionId, e.IsLatest });
        builder.HasIndex(e => new { e.DefinitionId, e.IsPublished });
        builder.HasIndex(e => e.Name);
    }
}
