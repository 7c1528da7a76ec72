using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>
/// Itsm's activity descriptors (reflected once from the activity classes) in Elsa's JSON shape, plus the
/// <c>Elsa.Flowchart</c> container Studio needs to render a definition's root even though Itsm runs the
/// flowchart itself rather than as an activity.
/// </summary>
public static class ActivityDescriptorMapper
{
    public const string FlowchartTypeName = "Elsa.Flowchart";
    private const string StartTypeName = "Elsa.Start";
    private const string EndTypeName = "Elsa.End";

    public static IReadOnlyList<ActivityDescriptorModel> ToModels(ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var models = registry.Descriptors.OrderBy(d => d.TypeName, StringComparer.Ordinal).Select(ToModel).ToList();
        if (!models.Any(model => model.TypeName == FlowchartTypeName))
            models.Insert(0, Flowchart);
        return models;
    }

    public static ActivityDescriptorModel ToModel(ActivityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new ActivityDescriptorModel
        {
            TypeName = descriptor.TypeName,
            Namespace = descriptor.Namespace,
            Name = descriptor.Name,
            Category = descriptor.Category,
            DisplayName = descriptor.DisplayName,
            Description = descriptor.Description,
            Kind = descriptor.Kind,
            Inputs = descriptor.Inputs.Select(input => ToModel(input, descriptor.Outcomes)).Concat(ItilTagInputDescriptors.For(descriptor.DefaultTags)).ToList(),
            Outputs = descriptor.Outputs.Select(ToModel).ToList(),
            Ports = descriptor.Outcomes.Select(outcome => new PortModel(outcome, outcome)).ToList(),
            IsStart = descriptor.TypeName == StartTypeName,
            IsTerminal = descriptor.TypeName == EndTypeName,
        };
    }

    private static InputDescriptorModel ToModel(InputDescriptor input, IReadOnlyList<string> declaredOutcomes) => new()
    {
        Name = Pascalize(input.Name),
        TypeName = input.TypeName,
        DisplayName = input.DisplayName,
        Description = input.Description,
        Order = input.Order,
        IsWrapped = !input.IsRaw,
        UIHint = input.UIHint,
        Category = input.Category,
        DefaultValue = input.DefaultValue,
        DefaultSyntax = input.DefaultSyntax ?? ExpressionTypes.Literal,
        Options = input.Options,
        UISpecifications = UISpecificationsOf(input, declaredOutcomes),
    };

    private static OutputDescriptorModel ToModel(OutputDescriptor output)
        => new(Pascalize(output.Name), output.TypeName, Pascalize(output.Name), output.Description);

    /// <summary>
    /// Elsa's static option providers: <c>{dropdown: {selectList: {items}}}</c> and <c>{checklist: {checkList: {items, isFlagsEnum}}}</c>;
    /// for a dynamic-outcomes input, the ports a node always has besides the names it lists (Studio's
    /// <c>DynamicOutcomesPortProvider</c> reads <c>DynamicOutcomesOptions.fixedOutcomes</c> and drops the descriptor's own ports).
    /// </summary>
    private static Dictionary<string, object>? UISpecificationsOf(InputDescriptor input, IReadOnlyList<string> declaredOutcomes)
    {
        if (input.UIHint == UIHints.DynamicOutcomes)
            return new Dictionary<string, object>
            {
                ["DynamicOutcomesOptions"] = new Dictionary<string, object> { ["fixedOutcomes"] = declaredOutcomes },
            };
        if (input.Options is not { Count: > 0 } options)
            return null;
        // An empty choice clears an optional input (e.g. no role: an automated step); Studio shows the text, writes the value.
        var items = options.Select(option => new Dictionary<string, object> { ["text"] = option.Length == 0 ? NoChoiceText : option, ["value"] = option }).ToList();
        return input.UIHint switch
        {
            UIHints.DropDown => new Dictionary<string, object>
            {
                [UIHints.DropDown] = new Dictionary<string, object> { ["selectList"] = new Dictionary<string, object> { ["items"] = items } },
            },
            UIHints.CheckList => new Dictionary<string, object>
            {
                [UIHints.CheckList] = new Dictionary<string, object>
                {
                    ["checkList"] = new Dictionary<string, object> { ["items"] = items, ["isFlagsEnum"] = false },
                },
            },
            _ => null,
        };
    }

    private const string NoChoiceText = "(none)";

    /// <summary>Elsa names inputs after their C# property; definitions carry the camel-cased name.</summary>
    private static string Pascalize(string name)
        => name.Length == 0 || char.IsUpper(name[0]) ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));

    private static readonly ActivityDescriptorModel Flowchart = new()
    {
        TypeName = FlowchartTypeName,
        Namespace = "Elsa",
        Name = "Flowchart",
        Category = "Flow",
        DisplayName = "Flowchart",
        Description = "A flowchart of activities connected by their outcomes.",
        Kind = ActivityKind.Action,
        IsContainer = true,
        // Itsm runs one flowchart per definition: nesting one is not offered in the toolbox.
        IsBrowsable = false,
    };
}
