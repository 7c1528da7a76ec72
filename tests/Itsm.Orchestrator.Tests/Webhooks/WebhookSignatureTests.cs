using System.Security.Cryptography;
using System.Text;
using Itsm.Orchestrator.Api.Webhooks;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>The documented scheme: <c>t=&lt;unix&gt;,v1=hex(HMAC-SHA256(secret, t + "." + body))</c>.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"title":"x"}""");

    [Fact]
    public void A_signature_computed_by_hand_from_the_documented_scheme_is_valid()
    {
        var t = Now.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes($"{t}.{{\"title\":\"x\"}}"));
        var header = $"t={t},v1={Convert.ToHexStringLower(mac)}";

        WebhookSignature.Verify(header, Body, "s3cret", Now, TimeSpan.FromMinutes(5)).Should().Be(SignatureCheck.Valid);
        WebhookSignature.Sign("s3cret", Now, Body).Should().Be(header);
    }

    [Fact]
    public void Upper_case_hex_and_unknown_schemes_are_accepted()
    {
        var header = WebhookSignature.Sign("s3cret", Now, Body);
        var upper = header[..header.IndexOf("v1=", StringComparison.Ordinal)] + "v0=legacy,v1=" + header[(header.IndexOf("v1=", StringComparison.Ordinal) + 3)..].ToUpperInvariant();

        WebhookSignature.Verify(upper, Body, "s3cret", Now, TimeSpan.FromMinutes(5)).Should().Be(SignatureCheck.Valid);
    }

    [Theory]
    [InlineData(-301, SignatureCheck.OutsideWindow)]
    [InlineData(301, SignatureCheck.OutsideWindow)]
    [InlineData(-299, SignatureCheck.Valid)]
    public void The_timestamp_must_be_within_the_tolerance(int seconds, SignatureCheck expected)
    {
        var header = WebhookSignature.Sign("s3cret", Now.AddSeconds(seconds), Body);

        WebhookSignature.Verify(header, Body, "s3cret", Now, TimeSpan.FromMinutes(5)).Should().Be(expected);
    }

    [Fact]
    public void A_timestamp_cannot_be_reused_for_another_body()
    {
        var header = WebhookSignature.Sign("s3cret", Now, Body);

        WebhookSignature.Verify(header, Encoding.UTF8.GetBytes("{}"), "s3cret", Now, TimeSpan.FromMinutes(5)).Should().Be(SignatureCheck.Mismatch);
    }

    [Theory]
    [InlineData("t=1,t=2,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1")]
    [InlineData("garbage")]
    [InlineData("t=1,v1=00")]
    public void Malformed_headers_are_refused(string header)
        => WebhookSignature.Verify(header, Body, "s3cret", Now, TimeSpan.FromMinutes(5)).Should().Be(SignatureCheck.Malformed);
}
