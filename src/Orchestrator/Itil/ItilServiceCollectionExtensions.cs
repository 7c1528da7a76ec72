using Itsm.Activities.Itil;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Itil;

public static class ItilServiceCollectionExtensions
{
    /// <summary>
    /// The ITIL library's settings (<c>Itsm:Itil</c>: priority matrix, resolution targets), validated on start and handed
    /// to the activities as the <see cref="ItilOptions"/> port. Missing configuration means the documented defaults.
    /// </summary>
    public static IServiceCollection AddItsmItil(this IServiceCollection services)
    {
        services.AddOptions<ItilOptions>().BindConfiguration(ItilOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ItilOptions>, ItilOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ItilOptions>>().Value);
        return services;
    }
}
