using System.Globalization;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// How the ITIL activities read and write service-management records: the latest uncommitted change of this burst
/// wins over the committed record, data is copied before it is changed (a committed snapshot is never mutated), and
/// every write stamps <c>updatedAt</c>. A record an activity creates gets an id derived from the instance and the node
/// (<see cref="IdFor"/>), so a retried or re-run step overwrites its own record instead of writing a second one. Every
/// committed read is noted with its version, so a write made from it is refused if another instance changed the record
/// meanwhile, and the burst runs again (no lost update).
/// </summary>
internal static class ItilRecords
{
    /// <summary>The record id a node creates: stable across retries of the step and re-runs of the node in a loop.</summary>
    public static string IdFor(ActivityContext context, string? suffix = null)
        => suffix is null ? $"{context.InstanceId}-{context.ActivityId}" : $"{context.InstanceId}-{context.ActivityId}-{suffix}";

    /// <summary>The record's data as a fresh dictionary the caller may change, or null when it does not exist.</summary>
    public static async ValueTask<Dictionary<string, object?>?> FindAsync(
        ActivityContext context, IRecordReader reader, string recordType, string? recordId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(recordId)) return null;
        var pending = context.PendingRecord(recordType, recordId);
        if (pending is not null) return pending.Operation == RecordOperation.Delete ? null : Copy(pending.Data);
        var committed = await reader.FindAsync(recordType, recordId, cancellationToken).ConfigureAwait(false);
        context.NoteRecordRead(recordType, recordId, committed?.Version ?? 0);
        return committed is null ? null : Copy(committed.Data);
    }

    /// <summary>
    /// The record to (re)write under <paramref name="recordId"/>: the existing one, or a new one with a fresh number,
    /// its creation stamp and the instance that created it. A number is taken only for a record that does not exist yet.
    /// </summary>
    public static async ValueTask<Dictionary<string, object?>> FindOrNewAsync(
        ActivityContext context, IRecordReader reader, IRecordNumbers numbers, string recordType, string recordId, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(context, reader, recordType, recordId, cancellationToken).ConfigureAwait(false);
        if (existing is not null) return existing;
        var number = await numbers.NextAsync(recordType, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [RecordFields.Number] = number,
            ["createdAt"] = Timestamp(context),
            ["instanceId"] = context.InstanceId,
            [RecordFields.Links] = new List<object?>(),
        };
    }

    /// <summary>The fault of a step whose record is missing: not retryable, since only a corrected input helps.</summary>
    public static Failed Missing(string recordType, string? recordId)
        => string.IsNullOrWhiteSpace(recordId)
            ? ActivityResult.Fail($"No {recordType} id given.", retryable: false)
            : ActivityResult.Fail($"There is no {recordType} '{recordId}'.", retryable: false);

    public static void Write(ActivityContext context, string recordType, string recordId, Dictionary<string, object?> data)
    {
        data["updatedAt"] = Timestamp(context);
        context.WriteRecord(new RecordChange(recordType, recordId, RecordOperation.Upsert, data));
    }

    /// <summary>Adds a link to another record unless one to it (same type and id) is already there; the store keeps it both ways.</summary>
    public static void Link(Dictionary<string, object?> data, string recordType, string? recordId, string relation)
    {
        if (string.IsNullOrWhiteSpace(recordId)) return;
        var links = data.TryGetValue(RecordFields.Links, out var value) && value is IEnumerable<object?> existing
            ? existing.ToList()
            : [];
        var present = links.OfType<IDictionary<string, object?>>().Any(link =>
            Equals(link.TryGetValue("type", out var type) ? type : null, recordType)
            && Equals(link.TryGetValue("id", out var id) ? id : null, recordId));
        if (!present)
            links.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = recordType, ["id"] = recordId, ["relation"] = relation });
        data[RecordFields.Links] = links;
    }

    public static string? Text(Dictionary<string, object?> data, string field)
        => data.TryGetValue(field, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary>A whole number field (stored JSON numbers read back as long or double); null when absent or not a number.</summary>
    public static long? Number(Dictionary<string, object?> data, string field)
    {
        if (!data.TryGetValue(field, out var value) || value is null) return null;
        try
        {
            return value is string text
                ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
                : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    public static string Timestamp(ActivityContext context) => Format(context.Now);

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lower-case kebab for enum values written to records (<c>FeatureFlag</c> → <c>feature-flag</c>).</summary>
    public static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) builder.Append('-');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    private static Dictionary<string, object?> Copy(object? data) => data switch
    {
        IDictionary<string, object?> map => new Dictionary<string, object?>(map, StringComparer.Ordinal),
        _ => new Dictionary<string, object?>(StringComparer.Ordinal),
    };
}
