using System.Net;
using Cluster.Cli;

namespace Cluster.Tests.Cli;

/// <summary>`--host`: an address or name is used as given; "auto" becomes this machine's own, non-loopback address.</summary>
public sealed class NodeHostTests
{
    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("coordinator")]
    [InlineData("127.0.0.1")]
    public void A_given_host_is_used_as_it_is(string host) => Assert.Equal(host, NodeHost.Resolve(host));

    [Fact]
    public void Auto_is_an_address_of_this_machine_other_than_loopback()
    {
        string resolved;
        try { resolved = NodeHost.Resolve(NodeHost.Auto); }
        catch (ArgumentException e)
        {
            // A machine whose hostname resolves to loopback only: the error says what to give instead.
            Assert.Contains("give --host ADDRESS", e.Message);
            return;
        }
        var address = IPAddress.Parse(resolved);
        Assert.False(IPAddress.IsLoopback(address));
        Assert.Contains(address, Dns.GetHostAddresses(Dns.GetHostName()));
    }
}
