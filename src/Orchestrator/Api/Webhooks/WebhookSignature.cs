using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>Why a signature was refused, or that it was good.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    OutsideWindow,
    Mismatch,
}

/// <summary>
/// The webhook signature scheme (GitHub/Stripe-like). The sender puts
/// <c>X-Itsm-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> on the request, where <c>hex</c> is the lowercase
/// hex HMAC-SHA256, keyed with the trigger's secret (UTF-8), of the ASCII timestamp, a dot and the raw body bytes
/// exactly as sent (<c>t + "." + body</c>). Several <c>v1=</c> parts may be sent (one per secret during a rotation);
/// one match is enough. The timestamp must lie within the tolerance of now, so a captured request cannot be
/// replayed later; the comparison is constant-time.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Itsm-Signature";

    private const int HmacBytes = 32;

    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(header)) return SignatureCheck.Missing;

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return SignatureCheck.Malformed;
            var name = part[..equals];
            var value = part[(equals + 1)..];
            if (name == "t")
            {
                if (timestamp is not null || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.Malformed;
                timestamp = seconds;
            }
            else if (name == "v1")
            {
                if (value.Length != HmacBytes * 2) return SignatureCheck.Malformed;
                try
                {
                    signatures.Add(Convert.FromHexString(value));
                }
                catch (FormatException)
                {
                    return SignatureCheck.Malformed;
                }
            }
            // Other schemes (v0, future versions) are ignored so senders can add them without breaking receivers.
        }
        if (timestamp is null || signatures.Count == 0) return SignatureCheck.Malformed;
        // Unix seconds beyond DateTimeOffset's range are simply outside any window.
        if (timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return SignatureCheck.OutsideWindow;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        if (age.Duration() > tolerance) return SignatureCheck.OutsideWindow;

        var expected = Compute(secret, timestamp.Value, body);
        var matched = false;
        // Every candidate is compared (no early exit), so timing says nothing about which one matched.
        foreach (var signature in signatures)
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        return matched ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value a sender puts on <paramref name="body"/> at <paramref name="timestamp"/> (also used by tests and tools).</summary>
    public static string Sign(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        return $"t={seconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(secret, seconds, body))}";
    }

    private static byte[] Compute(string secret, long seconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(seconds.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
