namespace Itsm.Orchestrator.Security;

/// <summary>
/// The roles Itsm itself knows. A person may also hold free-form ITIL role names ("network support engineer"):
/// those are ordinary role claims too, matched against a task's role for the inbox, and grant no API rights.
/// </summary>
public static class ItsmRoles
{
    /// <summary>Everything, including accounts.</summary>
    public const string Admin = "admin";

    /// <summary>Designs and publishes value streams.</summary>
    public const string ProcessOwner = "process-owner";

    /// <summary>Reads, cancels and retries instances.</summary>
    public const string Manager = "manager";

    /// <summary>Sees and completes tasks.</summary>
    public const string Agent = "agent";

    /// <summary>The built-in roles, spelled as they are stored and compared (claims compare ordinally).</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Admin, ProcessOwner, Manager, Agent];

    /// <summary>
    /// What a caller holding an API key may do: everything a system integration needs (design, operate, work)
    /// but not <see cref="Admin"/>: a key is shared by machines and lives in their configuration, so it must not
    /// be able to create people or hand out roles. Accounts are managed by a signed-in administrator only.
    /// </summary>
    public static IReadOnlyList<string> ForApiKeys { get; } = [ProcessOwner, Manager, Agent];
}
