using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Activities.Engine;

/// <summary>
/// How activity libraries plug in: <c>services.AddItsmActivities(typeof(LogIncident).Assembly)</c> or
/// <c>services.AddItsmActivities(a => a.AddActivity&lt;LogIncident&gt;())</c>. Calls add up; the host builds one
/// <see cref="ActivityRegistry"/> from all of them at start-up and refuses to start when an activity's port is missing.
/// </summary>
public static class ActivityServiceCollectionExtensions
{
    public static IServiceCollection AddItsmActivities(this IServiceCollection services, params Assembly[] assemblies)
        => services.AddItsmActivities(builder =>
        {
            foreach (var assembly in assemblies) builder.AddAssembly(assembly);
        });

    public static IServiceCollection AddItsmActivities(this IServiceCollection services, Action<ActivityRegistrationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ActivityRegistrationBuilder();
        configure(builder);
        services.AddSingleton(new ActivityTypeRegistration([.. builder.Types]));
        return services;
    }

    /// <summary>Every activity type registered so far through <c>AddItsmActivities</c>, in registration order.</summary>
    public static IEnumerable<Type> RegisteredActivityTypes(this IServiceProvider services)
        => services.GetServices<ActivityTypeRegistration>().SelectMany(registration => registration.Types);
}
