using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Activities.Engine;

/// <summary>
/// The constructor an activity is built with and the ports (services) it asks for. Ports are checked against
/// the container when the registry is built, so a host that lacks one refuses to start instead of faulting
/// a workflow step later.
/// </summary>
public static class ActivityPorts
{
    /// <summary>
    /// The public constructor marked <see cref="ActivatorUtilitiesConstructorAttribute"/>, else the only public one,
    /// else the one with the most parameters (what <see cref="ActivatorUtilities"/> prefers).
    /// </summary>
    public static ConstructorInfo ConstructorOf(Type activityType)
    {
        var constructors = activityType.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0)
            throw new InvalidOperationException($"Activity {activityType.FullName} has no public constructor.");
        return constructors.FirstOrDefault(c => c.IsDefined(typeof(ActivatorUtilitiesConstructorAttribute), false))
            ?? constructors.MaxBy(c => c.GetParameters().Length)!;
    }

    /// <summary>Constructor parameters without a default value: the host must provide each of them.</summary>
    public static IReadOnlyList<Type> RequiredOf(Type activityType) => ConstructorOf(activityType)
        .GetParameters()
        .Where(parameter => !parameter.HasDefaultValue)
        .Select(parameter => parameter.ParameterType)
        .ToList();

    /// <summary>The required ports of <paramref name="activityType"/> that <paramref name="services"/> cannot supply.</summary>
    internal static IEnumerable<Type> MissingOf(Type activityType, IServiceProvider services)
    {
        var registered = services.GetService<IServiceProviderIsService>();
        return RequiredOf(activityType).Where(port => registered is not null
            ? !registered.IsService(port)
            : services.GetService(port) is null);
    }
}
