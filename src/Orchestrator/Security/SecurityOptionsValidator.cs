using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Start-up checks of <see cref="SecurityOptions"/>: outside Development and Testing an API key shorter than
/// <see cref="ApiKeyRing.MinKeyLength"/> characters stops the host with an error naming the setting, because a
/// short key in production can be guessed and the warning in the log is easily missed.
/// </summary>
public sealed class SecurityOptionsValidator(IHostEnvironment environment) : IValidateOptions<SecurityOptions>
{
    /// <summary>The environment name the test host uses; short keys are fine there, as in Development.</summary>
    public const string TestingEnvironment = "Testing";

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add("Itsm:SessionLifetime must be positive.");
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment))
        {
            for (var index = 0; index < options.ApiKeys.Count; index++)
            {
                var key = options.ApiKeys[index]?.Trim();
                if (!string.IsNullOrEmpty(key) && key.Length < ApiKeyRing.MinKeyLength)
                {
                    failures.Add($"Itsm:ApiKeys:{index} has {key.Length} characters; API keys need at least {ApiKeyRing.MinKeyLength} "
                        + $"(environment '{environment.EnvironmentName}'). Generate one with: openssl rand -base64 32");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
