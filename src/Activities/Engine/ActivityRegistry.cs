using System.Collections.Frozen;
using System.Reflection;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

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

    /// <summary>
    /// Reflects over the given activity types; <paramref name="services"/> supplies their ports. Every required
    /// port is checked first and all that are missing are reported together (<see cref="MissingActivityPortException"/>).
    /// Without a container only activities that need no ports can be registered.
    /// </summary>
    public static ActivityRegistry Create(IEnumerable<Type> activityTypes, IServiceProvider? services = null)
    {
        var types = activityTypes.Distinct().ToList();
        var provider = services ?? NoServices.Instance;
        var missing = types
            .SelectMany(type => ActivityPorts.MissingOf(type, provider)
                .Select(port => new MissingActivityPort(type.GetCustomAttribute<ActivityAttribute>()?.TypeName ?? type.Name, type, port)))
            .ToList();
        if (missing.Count > 0) throw new MissingActivityPortException(missing);

        var entries = new List<Entry>();
        foreach (var type in types)
        {
            var descriptor = ActivityDescriber.Describe(type);
            entries.Add(new Entry(descriptor, Instantiate(type, provider)));
        }
        var duplicate = entries.GroupBy(entry => entry.Descriptor.TypeName).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Activity type name '{duplicate.Key}' is declared twice ({string.Join(", ", duplicate.Select(e => e.Descriptor.ActivityType.FullName))}).");
        return new ActivityRegistry(entries);
    }

    /// <summary>Built with the constructor the ports were checked against, so checking and building cannot disagree.</summary>
    private static Activity Instantiate(Type type, IServiceProvider services)
    {
        var constructor = ActivityPorts.ConstructorOf(type);
        var arguments = constructor.GetParameters()
            .Select(parameter => services.GetService(parameter.ParameterType) ?? (parameter.HasDefaultValue ? parameter.DefaultValue : null))
            .ToArray();
        return (Activity)constructor.Invoke(arguments);
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
