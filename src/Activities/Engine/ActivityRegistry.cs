using System.Collections.Frozen;
using System.Reflection;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Activities.Engine;

/// <summary>
/// All activity types the engine can run, with their descriptors and one shared instance each.
/// Activities are stateless, so one instance per type serves every execution; constructor dependencies
/// (ports) come from the root service provider. Built once at start-up; a malformed activity fails it.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, Entry> _entries;

    private ActivityRegistry(IEnumerable<Entry> entries)
        => _entries = entries.ToFrozenDictionary(entry => entry.Descriptor.TypeName, StringComparer.Ordinal);

    public IEnumerable<ActivityDescriptor> Descriptors => _entries.Values.Select(entry => entry.Descriptor);

    public bool TryGet(string typeName, out ActivityDescriptor descriptor, out Activity activity)
    {
        if (_entries.TryGetValue(typeName, out var entry))
        {
            descriptor = entry.Descriptor;
            activity = entry.Instance;
            return true;
        }
        descriptor = null!;
        activity = null!;
        return false;
    }

    public ActivityDescriptor? Find(string typeName) => _entries.TryGetValue(typeName, out var entry) ? entry.Descriptor : null;

    /// <summary>Reflects over the given activity types; <paramref name="services"/> supplies their ports.</summary>
    public static ActivityRegistry Create(IEnumerable<Type> activityTypes, IServiceProvider? services = null)
    {
        var entries = new List<Entry>();
        foreach (var type in activityTypes.Distinct())
        {
            var descriptor = ActivityDescriber.Describe(type);
            var instance = (Activity)ActivatorUtilities.CreateInstance(services ?? NoServices.Instance, type);
            entries.Add(new Entry(descriptor, instance));
        }
        var duplicate = entries.GroupBy(entry => entry.Descriptor.TypeName).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Activity type name '{duplicate.Key}' is declared twice.");
        return new ActivityRegistry(entries);
    }

    /// <summary>Every concrete activity type with an <see cref="ActivityAttribute"/> in the assemblies.</summary>
    public static IEnumerable<Type> DiscoverTypes(params Assembly[] assemblies) => assemblies
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => type is { IsAbstract: false, IsClass: true } && typeof(Activity).IsAssignableFrom(type)
            && type.GetCustomAttribute<ActivityAttribute>() is not null);

    /// <summary>The built-in activities (Elsa's primitives and flow activities) shipped in this assembly.</summary>
    public static IEnumerable<Type> BuiltInTypes() => DiscoverTypes(typeof(ActivityRegistry).Assembly);

    /// <summary>Used when no container is given: activities then get only their optional ports' defaults.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }

    private sealed record Entry(ActivityDescriptor Descriptor, Activity Instance);
}
