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
        // At most one latest and one published version per definition, whoever writes (a second node, a second
        // connection): the database enforces it rather than a lock. "IsLatest" alone is a boolean test in SQLite and PostgreSQL.
        builder.HasIndex(e => e.DefinitionId, "UX_Definitions_OneLatest").IsUnique().HasFilter("\"IsLatest\"");
        builder.HasIndex(e => e.DefinitionId, "UX_Definitions_OnePublished").IsUnique().HasFilter("\"IsPublished\"");
        builder.HasIndex(e => new { e.DefinitionId, e.IsPublished });
        builder.HasIndex(e => e.Name);
    }
}
