using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// The Users table. Each call uses its own short-lived context (the store is a singleton, like
/// <see cref="EfDefinitionStore"/>); writes that check a rule first (no duplicate name, keep one admin) run in an
/// IMMEDIATE transaction, so two concurrent requests cannot both pass the check. Passwords are hashed with ASP.NET
/// Core Identity's <see cref="IPasswordHasher{TUser}"/> (PBKDF2) and never leave this class.
/// </summary>
public sealed class UserStore(
    IDbContextFactory<ItsmDbContext> contexts,
    DatabaseInitializer initializer,
    IPasswordHasher<UserAccount> hasher,
    TimeProvider clock,
    IDatabaseErrors databaseErrors)
{
    private static readonly UserAccount Decoy = new("", "", "", [], default, default, "");

    // Verified when the user name is unknown, so a wrong name costs the same time as a wrong password and the
    // response time does not tell which user names exist.
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Decoy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(ToAccount);
        }
    }

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToAccount(row);
        }
    }

    public async Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToAccount(row);
        }
    }

    /// <summary>The account when the password is right, else null (unknown user and wrong password look alike).</summary>
    public async Task<UserAccount?> VerifyPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                hasher.VerifyHashedPassword(Decoy, _decoyHash.Value, password);
                return null;
            }

            var result = hasher.VerifyHashedPassword(ToAccount(row), row.PasswordHash, password);
            if (result == PasswordVerificationResult.Failed)
            {
                return null;
            }

            if (result == PasswordVerificationResult.SuccessRehashNeeded)
            {
                // An older hash format or iteration count: upgrade it now that the clear password is at hand.
                // UpdatedAt stays: the account itself did not change.
                row.PasswordHash = hasher.HashPassword(ToAccount(row), password);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return ToAccount(row);
        }
    }

    public Task<UserWriteResult> CreateAsync(NewUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return InTransactionAsync(async context =>
        {
            if (await context.Users.AnyAsync(u => u.UserName == user.UserName, cancellationToken).ConfigureAwait(false))
            {
                return UserWriteResult.Duplicate;
            }

            var row = NewRow(user);
            context.Users.Add(row);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (databaseErrors.IsUniqueViolation(exception))
            {
                // The unique index is the last word (e.g. a second node on the same file).
                return UserWriteResult.Duplicate;
            }

            return new UserWriteResult(UserWriteStatus.Done, ToAccount(row));
        }, cancellationToken);
    }

    /// <summary>Creates <paramref name="user"/> only if the table is empty: the first start's administrator.</summary>
    public Task<bool> CreateFirstAsync(NewUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return InTransactionAsync(async context =>
        {
            if (await context.Users.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            context.Users.Add(NewRow(user));
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (databaseErrors.IsUniqueViolation(exception))
            {
                // Another node on the same database created it between the check and the insert.
                return false;
            }

            return true;
        }, cancellationToken);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Users.AnyAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<UserWriteResult> UpdateAsync(string userName, UserChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(changes);
        return InTransactionAsync(async context =>
        {
            var row = await context.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return UserWriteResult.NotFound;
            }

            if (changes.Roles is { } roles)
            {
                if (!roles.Contains(ItsmRoles.Admin, StringComparer.Ordinal)
                    && IsAdmin(row)
                    && await CountAdminsAsync(context, cancellationToken).ConfigureAwait(false) <= 1)
                {
                    return UserWriteResult.LastAdmin;
                }

                var serialized = JsonSerializer.Serialize(roles);
                if (serialized != row.Roles)
                {
                    // New rights mean a new sign-in: a cookie stolen or left open before keeps neither old nor new ones.
                    row.SessionStamp = NewSessionStamp();
                }

                row.Roles = serialized;
            }

            if (changes.DisplayName is { } displayName)
            {
                row.DisplayName = displayName;
            }

            if (changes.Password is { } password)
            {
                row.PasswordHash = hasher.HashPassword(ToAccount(row), password);
                row.SessionStamp = NewSessionStamp();
            }

            row.UpdatedAt = NextStamp(row.UpdatedAt);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new UserWriteResult(UserWriteStatus.Done, ToAccount(row));
        }, cancellationToken);
    }

    /// <summary>
    /// Ends every session of the account (sign-out): cookies carry the old stamp and are refused from now on.
    /// False when the account no longer exists.
    /// </summary>
    public async Task<bool> EndSessionsAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var stamp = NewSessionStamp();
            return await context.Users.Where(u => u.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SessionStamp, stamp), cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    public Task<UserWriteResult> DeleteAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return InTransactionAsync(async context =>
        {
            var row = await context.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return UserWriteResult.NotFound;
            }

            if (IsAdmin(row) && await CountAdminsAsync(context, cancellationToken).ConfigureAwait(false) <= 1)
            {
                return UserWriteResult.LastAdmin;
            }

            context.Users.Remove(row);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new UserWriteResult(UserWriteStatus.Done);
        }, cancellationToken);
    }

    private UserEntity NewRow(NewUser user)
    {
        var now = UtcTicks.From(clock.GetUtcNow());
        var row = new UserEntity
        {
            Id = Guid.NewGuid().ToString("N"),
            UserName = user.UserName,
            DisplayName = user.DisplayName,
            Roles = JsonSerializer.Serialize(user.Roles),
            PasswordHash = "",
            SessionStamp = NewSessionStamp(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        row.PasswordHash = hasher.HashPassword(ToAccount(row), user.Password);
        return row;
    }

    // The stamp must change on every write even when the clock has not moved (a test clock, or two writes in
    // one tick): a cookie issued before the write has to notice it.
    private long NextStamp(long previous) => Math.Max(UtcTicks.From(clock.GetUtcNow()), previous + 1);

    // The table holds people, not thousands of rows: reading the role lists is simpler than querying into JSON.
    private static async Task<int> CountAdminsAsync(ItsmDbContext context, CancellationToken cancellationToken)
    {
        var roles = await context.Users.AsNoTracking().Select(u => u.Roles).ToListAsync(cancellationToken).ConfigureAwait(false);
        return roles.Count(json => ParseRoles(json).Contains(ItsmRoles.Admin, StringComparer.Ordinal));
    }

    private static bool IsAdmin(UserEntity row) => ParseRoles(row.Roles).Contains(ItsmRoles.Admin, StringComparer.Ordinal);

    private static string[] ParseRoles(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static UserAccount ToAccount(UserEntity row) => new(
        row.Id,
        row.UserName,
        row.DisplayName,
        ParseRoles(row.Roles),
        UtcTicks.ToDateTimeOffset(row.CreatedAt),
        UtcTicks.ToDateTimeOffset(row.UpdatedAt),
        PasswordStamp(row.PasswordHash),
        row.SessionStamp);

    private static string NewSessionStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    // A fingerprint, not the hash: it goes into the (encrypted) cookie, and changes whenever the password does.
    private static string PasswordStamp(string passwordHash)
        => passwordHash.Length == 0 ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)), 0, 8);

    /// <summary>
    /// Runs a write in one transaction, so its rule checks (duplicate name, last admin) and its change cannot
    /// interleave with another request's. A write that returns early changed nothing; committing it is harmless.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<ItsmDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(context).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    private async Task<ItsmDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        if (!initializer.IsInitialized)
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        return await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }
}
