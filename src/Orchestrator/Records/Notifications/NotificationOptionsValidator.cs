using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Records.Notifications;

/// <summary>A channel is an HTTP POST to an absolute http(s) URL or the log; anything else stops the start naming the entry.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Channels.Count; i++)
        {
            var channel = options.Channels[i];
            var at = $"{NotificationOptions.SectionName}:Channels:{i}";
            if (channel.Kind == NotificationChannelKinds.Http)
            {
                if (channel.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                    errors.Add($"{at}:Url must be an absolute http or https URL.");
            }
            else if (channel.Kind != NotificationChannelKinds.Log)
            {
                errors.Add($"{at}:Kind must be '{NotificationChannelKinds.Http}' or '{NotificationChannelKinds.Log}'.");
            }
        }

        if (options.HttpTimeout <= TimeSpan.Zero) errors.Add($"{NotificationOptions.SectionName}:HttpTimeout must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
