using Itsm.Orchestrator.Security;

namespace Itsm.Browser.Tests.Support;

/// <summary>A person the browser tests sign in as; <see cref="StudioHost"/> creates them (the admin exists from the start).</summary>
public sealed record StudioUser(string UserName, string Password, params string[] Roles)
{
    public static StudioUser Admin { get; } = new("admin", StudioHost.AdminPassword, ItsmRoles.Admin);

    /// <summary>Designs and publishes value streams: Studio's editor is editable for them.</summary>
    public static StudioUser ProcessOwner { get; } = new("olivia.owner", "process-owner-password-1", ItsmRoles.ProcessOwner);

    /// <summary>Reads and operates instances, designs nothing: Studio is read-only for them.</summary>
    public static StudioUser Manager { get; } = new("max.manager", "manager-password-12345", ItsmRoles.Manager);

    public static IReadOnlyList<StudioUser> Created { get; } = [ProcessOwner, Manager];
}
