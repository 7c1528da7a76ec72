namespace Itsm.Activities.Model;

/// <summary>
/// One thing a published trigger listens on: a <see cref="Kind"/> (who delivers it: <c>Elsa.HttpEndpoint</c> for
/// webhooks, <c>Elsa.Event</c> for events, a scheduler's own kind for cron…) and a <see cref="Key"/> within it
/// (the route, the event name, the schedule). <see cref="Payload"/> carries what the deliverer needs besides the key
/// (HTTP: the accepted methods). The trigger index files bindings by kind and key; deliverers look them up there.
/// </summary>
public sealed record TriggerBinding(string Kind, string Key, IReadOnlyDictionary<string, object?>? Payload = null)
{
    /// <summary>A payload value, or null when the binding has none by that name.</summary>
    public object? this[string name] => Payload is not null && Payload.TryGetValue(name, out var value) ? value : null;
}
