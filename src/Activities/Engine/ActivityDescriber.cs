using System.Reflection;
using System.Text.Json;
using Itsm.Activities.Expressions;
using Itsm.Activities.Itil;
using Itsm.Activities.Itil.Catalogue;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>Derives an <see cref="ActivityDescriptor"/> from an activity class's attributes and input record.</summary>
internal static class ActivityDescriber
{
    public static ActivityDescriptor Describe(Type type)
    {
        var activity = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        if (typeof(ITriggerActivity).IsAssignableFrom(type) && activity.Kind != ActivityKind.Trigger)
            throw new InvalidOperationException(
                $"{type.FullName} implements {nameof(ITriggerActivity)} but is declared with Kind = {activity.Kind}; declare it Kind = ActivityKind.Trigger.");
        var outcomes = type.GetCustomAttribute<OutcomesAttribute>();
        var inputType = FindInputRecordType(type);
        var inputs = inputType is null ? [] : DescribeInputs(inputType);
        // Inputs and outputs are properties of the activity's JSON object, next to Elsa's own: a clash would read the wrong value.
        var clash = inputs.Select(input => input.Name).Concat(type.GetCustomAttributes<OutputAttribute>().Select(output => output.Name))
            .FirstOrDefault(name => ReservedProperties.Contains(name));
        if (clash is not null)
            throw new InvalidOperationException($"{activity.TypeName} ({type.FullName}) declares '{clash}', which is an activity property in Elsa's JSON; rename it.");
        var outputs = type.GetCustomAttributes<OutputAttribute>()
            .Select(output => new OutputDescriptor(output.Name, output.Type, TypeAliases.NameOf(output.Type), output.Description))
            .ToList();

        var tags = type.GetCustomAttribute<ItilTagsAttribute>();
        var defaultTags = tags is null ? NodeTags.None : new NodeTags(
            tags.ValueChain.Distinct(StringComparer.Ordinal).ToList(),
            tags.Practices.Distinct(StringComparer.Ordinal).ToList(),
            tags.Roles.Distinct(StringComparer.OrdinalIgnoreCase).ToList());

        return new ActivityDescriptor(
            activity.TypeName,
            activity.Namespace,
            activity.Name,
            activity.DisplayName ?? Humanize(activity.Name),
            CategoryOf(type, activity, defaultTags),
            activity.Description,
            activity.Kind,
            inputs,
            outputs,
            outcomes?.Outcomes ?? [Outcomes.Done],
            outcomes?.Dynamic ?? false,
            type,
            inputType)
        {
            DefaultTags = defaultTags,
        };
    }

    /// <summary>
    /// The toolbox groups ITIL activities by the chain activity they serve first: a type with default tags and no
    /// category of its own is shown under that chain activity's name. An explicit category always wins.
    /// </summary>
    private static string CategoryOf(Type type, ActivityAttribute activity, NodeTags defaults)
    {
        var explicitCategory = type.GetCustomAttributesData()
            .Where(data => data.AttributeType == typeof(ActivityAttribute))
            .SelectMany(data => data.NamedArguments)
            .Any(argument => argument.MemberName == nameof(ActivityAttribute.Category));
        if (explicitCategory || defaults.ValueChain.Count == 0) return activity.Category;
        return ItilCatalogue.Default.FindChainActivity(defaults.ValueChain[0])?.Name ?? activity.Category;
    }

    private static readonly HashSet<string> ReservedProperties = new(StringComparer.OrdinalIgnoreCase)
        { "id", "nodeId", "name", "type", "version", "customProperties", "metadata", ItilTagInputs.ValueChain, ItilTagInputs.Practices, ItilTagInputs.Roles };

    private static Type? FindInputRecordType(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Activity<>))
                return current.GetGenericArguments()[0];
        return null;
    }

    private static List<InputDescriptor> DescribeInputs(Type inputType) => inputType
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.CanWrite && property.GetCustomAttribute<InputAttribute>() is not null)
        .Select((property, order) =>
        {
            var input = property.GetCustomAttribute<InputAttribute>()!;
            var name = input.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            return new InputDescriptor(
                name,
                property.Name,
                property.PropertyType,
                input.TypeName ?? TypeAliases.NameOf(property.PropertyType),
                input.DisplayName ?? Humanize(property.Name),
                input.Description,
                input.UIHint ?? DefaultUIHint(property.PropertyType),
                input.Category,
                input.Options ?? (input.OptionsFrom is { } vocabulary ? InputChoices.Resolve(vocabulary) : EnumOptions(property.PropertyType)),
                input.DefaultValue,
                input.IsRaw,
                order)
            {
                DefaultSyntax = input.DefaultSyntax,
            };
        })
        .ToList();

    private static string DefaultUIHint(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(bool)) return UIHints.Checkbox;
        if (underlying.IsEnum) return UIHints.DropDown;
        // A map (a payload, headers, fields to set) is written as a JSON object, not as a list of words.
        if (IsDictionary(underlying)) return UIHints.JsonEditor;
        if (underlying != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying)) return UIHints.MultiText;
        return UIHints.SingleLine;
    }

    private static bool IsDictionary(Type type)
        => typeof(System.Collections.IDictionary).IsAssignableFrom(type)
            || type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static string[]? EnumOptions(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum ? Enum.GetNames(underlying) : null;
    }

    /// <summary>"FlowDecision" → "Flow Decision", as Elsa's designer shows names.</summary>
    internal static string Humanize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) builder.Append(' ');
            builder.Append(name[i]);
        }
        return builder.ToString();
    }
}
