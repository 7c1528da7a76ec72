namespace Itsm.Orchestrator.Security;

/// <summary>The outcome of an account write and, when it was done (and not a delete), the account as stored.</summary>
public sealed record UserWriteResult(UserWriteStatus Status, UserAccount? Account = null)
{
    public static UserWriteResult NotFound { get; } = new(UserWriteStatus.NotFound);
    public static UserWriteResult Duplicate { get; } = new(UserWriteStatus.DuplicateUserName);
    public static UserWriteResult LastAdmin { get; } = new(UserWriteStatus.LastAdmin);
}
