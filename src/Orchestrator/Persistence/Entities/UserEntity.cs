namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the Users table: a person who signs in with a password. <see cref="UserName"/> is compared without
/// regard to case (NOCASE collation; user names are ASCII, which is all NOCASE folds). <see cref="Roles"/> is a
/// JSON array because ITIL role names are free text and may contain any delimiter. Timestamps are UTC ticks
/// (see <see cref="UtcTicks"/>); <see cref="UpdatedAt"/> doubles as the stamp that invalidates older cookies.
/// </summary>
internal sealed class UserEntity
{
    public required string Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string Roles { get; set; }
    public required string PasswordHash { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    /// <summary>
    /// Random value carried in the sign-in cookie; replaced on sign-out, password and role changes, which ends
    /// every cookie issued before (the cookie itself cannot be revoked, its stamp can).
    /// </summary>
    public string SessionStamp { get; set; } = "";
}
