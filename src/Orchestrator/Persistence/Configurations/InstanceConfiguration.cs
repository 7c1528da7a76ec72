using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<InstanceEntity>
{
    public void Configure(EntityTypeBuilder<InstanceEntity> builder)
    {
        builder.ToTable("Instances");
        builder.HasKey(e => e.Id);
        // The group writer owns the revision check with raw SQL, so EF does not treat it as a concurrency token.
        builder.Property(e => e.Revision);
        builder.Property(e => e.Status).HasConversion<int>();
        builder.Property(e => e.StateJson).IsRequired();

        // One index per list shape: by definition, by status, by correlation, the default keyset
        // (CreatedAt, Id) and the other two orderings.
        builder.HasIndex(e => new { e.DefinitionId, e.CreatedAt });
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        // Partial indexes: most instances have no correlation id and are not finished, and an index a row
        // does not enter costs nothing on the insert path (every webhook start is an insert).
        builder.HasIndex(e => e.CorrelationId).HasFilter("\"CorrelationId\" IS NOT NULL");
        builder.HasIndex(e => new { e.CreatedAt, e.Id });
        builder.HasIndex(e => e.FinishedAt).HasFilter("\"FinishedAt\" IS NOT NULL");
    }
}
