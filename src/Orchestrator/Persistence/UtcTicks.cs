namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Timestamps are stored as UTC ticks (INTEGER) because SQLite cannot order or compare DateTimeOffset
/// values; ticks sort correctly and make range filters and keyset paging plain integer comparisons.
/// The offset is not kept: values read back are UTC (DateTimeOffset equality compares instants, so
/// records still round-trip as equal).
/// </summary>
internal static class UtcTicks
{
    public static long From(DateTimeOffset value) => value.UtcTicks;

    public static long? From(DateTimeOffset? value) => value?.UtcTicks;

    public static DateTimeOffset ToDateTimeOffset(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? ToDateTimeOffset(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
