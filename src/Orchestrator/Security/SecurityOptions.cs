namespace Itsm.Orchestrator.Security;

/// <summary>
/// Credentials from configuration, section <c>Itsm</c>: <c>Itsm:ApiKeys</c> (a list, so the environment variable
/// <c>Itsm__ApiKeys__0</c> sets the first key) and <c>Itsm:AdminPassword</c> (<c>Itsm__AdminPassword</c>).
/// Blank entries count as absent, so a test or an overlay can switch a configured value off with "".
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Itsm";

    /// <summary>Keys systems send as <c>Authorization: ApiKey &lt;key&gt;</c>. Empty: a development key is generated.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>The first administrator's password, used only when the Users table is still empty.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>How long a browser sign-in lasts without activity (the cookie slides while in use).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
