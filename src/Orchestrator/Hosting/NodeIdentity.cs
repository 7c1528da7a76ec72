using System.Security.Cryptography;

namespace Itsm.Orchestrator.Hosting;

/// <summary>
/// This process among the nodes sharing one database: the machine, the process id and a short random part, so two
/// processes on one machine (or a restarted one reusing a process id) never look alike in <c>/health</c> or in
/// Hangfire's server list.
/// </summary>
public sealed class NodeIdentity
{
    public NodeIdentity()
        : this(Environment.MachineName, Environment.ProcessId, RandomNumberGenerator.GetHexString(6, lowercase: true))
    {
    }

    internal NodeIdentity(string machine, int processId, string random)
        => Name = $"{machine}.{processId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{random}".ToLowerInvariant();

    /// <summary>
    /// The node's name, lower case (Hangfire lower-cases server names): also the Hangfire server's name, which
    /// Hangfire extends with <c>:{process id}:{guid}</c> to make the server id.
    /// </summary>
    public string Name { get; }

    /// <summary>True when a Hangfire server id (as its monitoring API lists it) is this node's.</summary>
    public bool OwnsServer(string serverId)
    {
        ArgumentNullException.ThrowIfNull(serverId);
        return serverId.Equals(Name, StringComparison.OrdinalIgnoreCase)
            || serverId.StartsWith(Name + ":", StringComparison.OrdinalIgnoreCase);
    }
}
