using System.Net;
using Itsm.Orchestrator.Http;

namespace Itsm.Orchestrator.Tests.Http;

public sealed class NonPublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.5.4", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("::ffff:192.168.0.10", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("64:ff9b::a00:1", "private")]      // NAT64 form of 10.0.0.1
    [InlineData("2002:7f00:1::", "loopback")]      // 6to4 form of 127.0.0.1
    [InlineData("::7f00:1", "loopback")]           // IPv4-compatible form of 127.0.0.1
    public void Non_public_address_is_named_for_what_it_is(string address, string kind)
        => NonPublicAddresses.Classify(IPAddress.Parse(address)).Should().Contain(kind);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_address_passes(string address)
        => NonPublicAddresses.Classify(IPAddress.Parse(address)).Should().BeNull();

    [Fact]
    public void Allow_list_opens_host_names_wildcards_addresses_and_ranges()
    {
        var allow = new AllowList(["localhost", "*.corp.test", "10.20.0.0/16", "192.168.1.7"]);

        allow.AllowsHost("LOCALHOST").Should().BeTrue();
        allow.AllowsHost("crm.corp.test").Should().BeTrue();
        allow.AllowsHost("corp.test.evil.example").Should().BeFalse();
        allow.AllowsAddress(IPAddress.Parse("10.20.3.4")).Should().BeTrue();
        allow.AllowsAddress(IPAddress.Parse("::ffff:10.20.3.4")).Should().BeTrue();
        allow.AllowsAddress(IPAddress.Parse("10.21.0.1")).Should().BeFalse();
        allow.AllowsAddress(IPAddress.Parse("192.168.1.7")).Should().BeTrue();
        allow.AllowsAddress(IPAddress.Parse("192.168.1.8")).Should().BeFalse();
    }
}
