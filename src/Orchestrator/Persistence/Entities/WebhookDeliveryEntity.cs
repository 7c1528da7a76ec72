namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the WebhookDeliveries table: an <c>Idempotency-Key</c> seen on a route and the instance reserved for it
/// before the start (so a redelivery, a racing duplicate or a retry after a crash all land on the same instance).
/// </summary>
internal sealed class WebhookDeliveryEntity
{
    public required string Route { get; set; }
    public required string Key { get; set; }
    public required string InstanceId { get; set; }
    public long ReceivedAt { get; set; }
}
