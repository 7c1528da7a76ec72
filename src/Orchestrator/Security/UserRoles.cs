namespace Itsm.Orchestrator.Security;

/// <summary>
/// Role lists as stored: trimmed, the built-in roles in their canonical lower-case spelling (role claims compare
/// ordinally, so "Admin" must become "admin" to count), duplicates dropped ignoring case, order kept.
/// Free-form ITIL role names keep the spelling the administrator gave.
/// </summary>
public static class UserRoles
{
    public const int MaxLength = 100;

    public static IReadOnlyList<string> Normalize(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in roles)
        {
            var role = raw.Trim();
            role = ItsmRoles.BuiltIn.FirstOrDefault(builtIn => string.Equals(builtIn, role, StringComparison.OrdinalIgnoreCase)) ?? role;
            if (role.Length > 0 && seen.Add(role))
            {
                result.Add(role);
            }
        }

        return result;
    }

    /// <summary>Why <paramref name="role"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return "A role must not be empty.";
        }

        if (role.Trim().Length > MaxLength)
        {
            return $"A role has at most {MaxLength} characters.";
        }

        return role.Any(char.IsControl) ? "A role must not contain control characters." : null;
    }
}
