using System.Reflection;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>Collects activity types for <see cref="ActivityServiceCollectionExtensions.AddItsmActivities(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ActivityRegistrationBuilder})"/>.</summary>
public sealed class ActivityRegistrationBuilder
{
    private readonly List<Type> _types = [];

    public IReadOnlyList<Type> Types => _types;

    /// <summary>Every concrete <see cref="Activity"/> with an <see cref="ActivityAttribute"/> in the assembly.</summary>
    public ActivityRegistrationBuilder AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _types.AddRange(ActivityRegistry.DiscoverTypes(assembly));
        return this;
    }

    public ActivityRegistrationBuilder AddActivity<TActivity>() where TActivity : Activity => AddActivity(typeof(TActivity));

    public ActivityRegistrationBuilder AddActivity(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        // Checked here so the mistake is reported where it is made, not when the registry is built.
        if (activityType.IsAbstract || !typeof(Activity).IsAssignableFrom(activityType))
            throw new ArgumentException($"{activityType.FullName} is not a concrete activity.", nameof(activityType));
        if (activityType.GetCustomAttribute<ActivityAttribute>() is null)
            throw new ArgumentException($"{activityType.FullName} has no [Activity] attribute.", nameof(activityType));
        _types.Add(activityType);
        return this;
    }
}
