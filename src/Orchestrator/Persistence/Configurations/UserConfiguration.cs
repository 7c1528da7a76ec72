using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public void Configure(EntityTypeBuilder<UserEntity> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(e => e.Id);
        // NOCASE on the column makes both the unique index and every equality lookup case-insensitive, so
        // "Admin" and "admin" can neither coexist nor miss each other.
        builder.Property(e => e.UserName).HasMaxLength(64).UseCollation("NOCASE");
        builder.Property(e => e.DisplayName).HasMaxLength(200);
        builder.Property(e => e.Roles).IsRequired();
        builder.Property(e => e.PasswordHash).IsRequired();
        builder.Property(e => e.SessionStamp).HasMaxLength(64).HasDefaultValue("");
        builder.HasIndex(e => e.UserName).IsUnique();
    }
}
