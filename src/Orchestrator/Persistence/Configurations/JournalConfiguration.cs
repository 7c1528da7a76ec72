using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntity>
{
    public void Configure(EntityTypeBuilder<JournalEntity> builder)
    {
        builder.ToTable("Journal");
        builder.HasKey(e => e.Id);
        // SQLite assigns the global row id (INTEGER PRIMARY KEY AUTOINCREMENT): rows are never rewritten.
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasIndex(e => new { e.InstanceId, e.Sequence });
        builder.Property(e => e.Actor).HasMaxLength(200);
    }
}
