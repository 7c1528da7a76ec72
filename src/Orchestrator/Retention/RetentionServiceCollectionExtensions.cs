using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The background purge of old finished instances and expired webhook keys (<see cref="RetentionService"/>).</summary>
    public static IServiceCollection AddItsmRetention(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionService>());
        return services;
    }
}
