using System.Security.Cryptography;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// First-start credentials, once the database is migrated: the <c>admin</c> account when the Users table is empty
/// (password from <c>Itsm:AdminPassword</c>, else generated into <c>{data}/admin-password.txt</c> and logged once),
/// and the API keys (the development key when none is configured). Runs as a hosted service; safe to call again.
/// </summary>
public sealed partial class SecurityBootstrapper(
    DatabaseInitializer database,
    UserStore users,
    ApiKeyRing keys,
    IStartupSeedingLock seeding,
    IOptions<SecurityOptions> options,
    IOptions<PersistenceOptions> persistence,
    ILogger<SecurityBootstrapper> logger) : IHostedService
{
    public const string AdminUserName = "admin";
    public const string AdminPasswordFileName = "admin-password.txt";
    public const int MinPasswordLength = 12;

    public string AdminPasswordPath => Path.Combine(persistence.Value.DataDirectory, AdminPasswordFileName);

    public async Task EnsureBootstrapAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        // Nodes starting together on one database create the admin one after another: the later ones find it.
        var held = await seeding.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            await EnsureAdminAsync(cancellationToken).ConfigureAwait(false);
        }

        await keys.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => EnsureBootstrapAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAdminAsync(CancellationToken cancellationToken)
    {
        // "First start" means no account at all, not "no user called admin": an administrator who renamed the
        // way in (created another admin, deleted "admin") must not find it back after a restart.
        if (await users.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var configured = options.Value.AdminPassword;
        string password;
        var generated = false;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            password = configured;
            if (password.Length < MinPasswordLength)
            {
                LogShortAdminPassword(logger, MinPasswordLength);
            }
        }
        else
        {
            // Kept in the data folder before the account exists: if this start dies between the two, the next
            // one finds the same password instead of creating an account with a password nobody saw.
            (password, generated) = await SecretFile.ReadOrCreateAsync(AdminPasswordPath, GeneratePassword, cancellationToken).ConfigureAwait(false);
        }

        var admin = new NewUser(AdminUserName, "Administrator", password, [ItsmRoles.Admin]);
        if (!await users.CreateFirstAsync(admin, cancellationToken).ConfigureAwait(false))
        {
            return; // Another node on the same database was quicker.
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            LogAdminCreatedFromConfiguration(logger, AdminUserName);
        }
        else if (generated)
        {
            LogAdminCreatedWithGeneratedPassword(logger, AdminUserName, password, AdminPasswordPath);
        }
        else
        {
            LogAdminCreatedFromFile(logger, AdminUserName, AdminPasswordPath);
        }
    }

    /// <summary>24 characters from a 57-symbol alphabet without look-alikes (~140 bits): easy to type, hard to guess.</summary>
    internal static string GeneratePassword()
        => RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Itsm:AdminPassword has fewer than {MinLength} characters; change the admin password after signing in")]
    private static partial void LogShortAdminPassword(ILogger logger, int minLength);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created account '{UserName}' (role admin) with the password from Itsm:AdminPassword")]
    private static partial void LogAdminCreatedFromConfiguration(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created account '{UserName}' (role admin); generated admin password: {Password} (also in {PasswordFile}; change it after signing in and delete the file)")]
    private static partial void LogAdminCreatedWithGeneratedPassword(ILogger logger, string userName, string password, string passwordFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created account '{UserName}' (role admin) with the password kept in {PasswordFile}")]
    private static partial void LogAdminCreatedFromFile(ILogger logger, string userName, string passwordFile);
}
