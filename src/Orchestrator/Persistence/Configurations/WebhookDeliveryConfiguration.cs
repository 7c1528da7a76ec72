using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Itsm.Orchestrator.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDeliveryEntity>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryEntity> builder)
    {
        builder.ToTable("WebhookDeliveries");
        // The unique key is what makes two simultaneous deliveries agree on one reservation.
        builder.HasKey(e => new { e.Route, e.Key });
        builder.HasIndex(e => e.ReceivedAt);
    }
}
