using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Http;

/// <summary>Refuses to start with outbound HTTP settings that make no sense, naming the setting at fault.</summary>
public sealed class OutboundHttpOptionsValidator : IValidateOptions<OutboundHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundHttpOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero) failures.Add($"{OutboundHttpOptions.SectionName}:Timeout must be positive.");
        if (options.MaxResponseBytes <= 0) failures.Add($"{OutboundHttpOptions.SectionName}:MaxResponseBytes must be positive.");
        if (options.MaxRedirects is < 0 or > 20) failures.Add($"{OutboundHttpOptions.SectionName}:MaxRedirects must be between 0 and 20.");
        if (options.MaxRetries is < 0 or > 10) failures.Add($"{OutboundHttpOptions.SectionName}:MaxRetries must be between 0 and 10.");
        if (options.RetryBaseDelay < TimeSpan.Zero) failures.Add($"{OutboundHttpOptions.SectionName}:RetryBaseDelay must not be negative.");
        for (var i = 0; i < options.AllowedHosts.Length; i++)
            if (!AllowList.TryParseEntry(options.AllowedHosts[i], out _, out _))
                failures.Add($"{OutboundHttpOptions.SectionName}:AllowedHosts:{i} '{options.AllowedHosts[i]}' is neither a host name, an IP address nor a CIDR range.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
