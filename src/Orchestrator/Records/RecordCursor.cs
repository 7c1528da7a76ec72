using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// Where a record list page ended: the last row's (CreatedAt, RecordId), the list's order. Opaque to clients
/// (base64url), so its shape can change without breaking them.
/// </summary>
public sealed record RecordCursor(long CreatedAt, string RecordId)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CreatedAt.ToString(CultureInfo.InvariantCulture) + ":" + RecordId));

    public static bool TryDecode(string text, out RecordCursor? cursor)
    {
        cursor = null;
        try
        {
            var plain = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var colon = plain.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(plain.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var createdAt)) return false;
            cursor = new RecordCursor(createdAt, plain[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
