namespace Itsm.Orchestrator.Security;

/// <summary>How an account write ended.</summary>
public enum UserWriteStatus
{
    Done,
    NotFound,
    DuplicateUserName,

    /// <summary>Refused: it would leave no account with the admin role, and nobody could manage accounts again.</summary>
    LastAdmin,
}
