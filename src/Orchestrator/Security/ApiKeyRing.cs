using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// The API keys this node accepts: <c>Itsm:ApiKeys</c>, or — when none is configured — one development key
/// generated into <c>{data}/dev-api-key.txt</c> on the first start and reused afterwards, so a developer's
/// scripts keep working across restarts. Only SHA-256 digests are kept in memory; a presented key is hashed and
/// compared with every digest in constant time, so neither timing nor key length tells how close a guess was.
/// </summary>
public sealed partial class ApiKeyRing(
    IOptions<SecurityOptions> options,
    IOptions<PersistenceOptions> persistence,
    ILogger<ApiKeyRing> logger)
{
    public const string DevelopmentKeyFileName = "dev-api-key.txt";

    /// <summary>
    /// Shorter keys are refused at start-up outside Development and Testing (<see cref="SecurityOptionsValidator"/>);
    /// there they still work (tests use them) but are reported: they can be guessed.
    /// </summary>
    public const int MinKeyLength = 32;

    private readonly Lock _gate = new();
    private Task<IReadOnlyList<KeyDigest>>? _loading;

    /// <summary>Where the development key is kept.</summary>
    public string DevelopmentKeyPath => Path.Combine(persistence.Value.DataDirectory, DevelopmentKeyFileName);

    /// <summary>Loads the keys once (creating the development key if needed); later calls reuse the result.</summary>
    public Task EnsureLoadedAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The name of the development key (configured keys are <see cref="NameOf"/> their index).</summary>
    public const string DevelopmentKeyName = "key-dev";

    /// <summary>
    /// A configured key's name: <c>key-0</c> for <c>Itsm:ApiKeys:0</c>. Keys stay plain strings in configuration;
    /// the name follows their position, so it is stable as long as the list is, and it never reveals the key.
    /// </summary>
    public static string NameOf(int index) => "key-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name of the key that matches (<c>key-0</c>, <c>key-1</c>, … for configured keys, <c>key-dev</c>), or null.</summary>
    public async Task<string?> MatchAsync(string presentedKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        var keys = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var presented = Digest(presentedKey);
        string? match = null;
        // No early exit: every digest is compared whatever the outcome.
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key.Sha256))
            {
                match = key.Name;
            }
        }

        return match;
    }

    private Task<IReadOnlyList<KeyDigest>> LoadAsync(CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<KeyDigest>> loading;
        lock (_gate)
        {
            // As DatabaseInitializer: one shared run, retried when it failed, never cancelled by one caller.
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = Task.Run(() => LoadCoreAsync(CancellationToken.None), CancellationToken.None);
            }

            loading = _loading;
        }

        return loading.IsCompleted ? loading : loading.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<KeyDigest>> LoadCoreAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.ApiKeys;
        var keys = new List<KeyDigest>();
        for (var index = 0; index < configured.Count; index++)
        {
            var key = configured[index]?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            if (key.Length < MinKeyLength)
            {
                LogShortKey(logger, index, key.Length, MinKeyLength);
            }

            keys.Add(new KeyDigest(NameOf(index), Digest(key)));
        }

        if (keys.Count > 0)
        {
            LogConfigured(logger, keys.Count);
            return keys;
        }

        var path = DevelopmentKeyPath;
        var (developmentKey, created) = await SecretFile.ReadOrCreateAsync(path, GenerateKey, cancellationToken).ConfigureAwait(false);
        // Printed on every start, not only the first: it is a development convenience, already readable in the
        // data folder, and the line tells the operator that production needs Itsm:ApiKeys.
        LogDevelopmentKey(logger, developmentKey, created ? "generated" : "reused", path);
        return [new KeyDigest(DevelopmentKeyName, Digest(developmentKey))];
    }

    /// <summary>A new key: 256 random bits, base64url (43 characters, safe in headers and environment variables).</summary>
    internal static string GenerateKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record KeyDigest(string Name, byte[] Sha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "{KeyCount} API key(s) configured (Itsm:ApiKeys)")]
    private static partial void LogConfigured(ILogger logger, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key Itsm:ApiKeys:{Index} has only {Length} characters; use at least {Recommended} random characters")]
    private static partial void LogShortKey(ILogger logger, int index, int length, int recommended);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key is configured (Itsm:ApiKeys); development API key: {ApiKey} ({Origin}, kept in {KeyFile}). Configure Itsm:ApiKeys outside development")]
    private static partial void LogDevelopmentKey(ILogger logger, string apiKey, string origin, string keyFile);
}
