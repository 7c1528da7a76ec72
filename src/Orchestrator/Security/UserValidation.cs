using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// The rules for account fields; problems go into the model state under the JSON field name so a client can put
/// the message next to the right input.
/// </summary>
public static partial class UserValidation
{
    public const int MaxDisplayNameLength = 200;

    // Upper bound only to keep a request from making the hasher chew megabytes.
    public const int MaxPasswordLength = 1024;

    // Every role becomes a claim in the cookie and in each request's principal: a person performs a handful.
    public const int MaxRoles = 64;

    /// <summary>
    /// 1–64 characters: ASCII letters, digits and <c>. _ - @</c>, starting and ending with a letter or digit.
    /// ASCII only, because the database compares user names with SQLite's NOCASE, which folds ASCII alone.
    /// </summary>
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._@-]{0,62}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    public static partial Regex UserNamePattern();

    public static void UserName(ModelStateDictionary state, string? userName)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(userName))
        {
            state.AddModelError("userName", "The user name is required.");
        }
        else if (!UserNamePattern().IsMatch(userName))
        {
            state.AddModelError("userName", "Use 1 to 64 letters, digits, '.', '_', '-' or '@', starting and ending with a letter or digit.");
        }
    }

    public static void DisplayName(ModelStateDictionary state, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (displayName is not null && (displayName.Trim().Length == 0 || displayName.Length > MaxDisplayNameLength))
        {
            state.AddModelError("displayName", $"The display name must have 1 to {MaxDisplayNameLength} characters.");
        }
    }

    public static void Password(ModelStateDictionary state, string? password, bool required)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (password is null)
        {
            if (required)
            {
                state.AddModelError("password", "The password is required.");
            }
        }
        else if (password.Length < SecurityBootstrapper.MinPasswordLength || password.Length > MaxPasswordLength)
        {
            state.AddModelError("password", $"The password must have at least {SecurityBootstrapper.MinPasswordLength} characters (at most {MaxPasswordLength}).");
        }
    }

    public static void Roles(ModelStateDictionary state, IReadOnlyList<string>? roles, bool required)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (roles is null)
        {
            if (required)
            {
                state.AddModelError("roles", "At least one role is required.");
            }

            return;
        }

        if (roles.Count == 0)
        {
            state.AddModelError("roles", "At least one role is required.");
        }

        if (roles.Count > MaxRoles)
        {
            // One error for the list, not one per entry: a 10,000-role request must not get a 10,000-line answer.
            state.AddModelError("roles", $"A user has at most {MaxRoles} roles (this request has {roles.Count}).");
            return;
        }

        for (var index = 0; index < roles.Count; index++)
        {
            if (UserRoles.Problem(roles[index]) is { } problem)
            {
                state.AddModelError($"roles[{index}]", problem);
            }
        }
    }
}
