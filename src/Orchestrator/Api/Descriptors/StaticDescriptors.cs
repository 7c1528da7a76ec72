using Itsm.Activities.Expressions;

namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>
/// The fixed descriptor lists Studio's editor loads before it renders. They describe what Itsm actually does:
/// the four expression languages it evaluates, the variable types it converts to, one storage place for
/// variables (the instance), and the one behaviour it has for activation, logging and faults.
/// </summary>
public static class StaticDescriptors
{
    // Declared first: static initializers run in text order.
    private static IReadOnlyDictionary<string, object> Empty { get; } = new Dictionary<string, object>();

    public static IReadOnlyList<ExpressionDescriptorModel> Expressions { get; } =
    [
        // As in Elsa: Literal is the implicit "Default" syntax, so it is not listed as a choice.
        new(ExpressionTypes.Literal, "Literal", IsSerializable: true, IsBrowsable: false, Empty),
        new(ExpressionTypes.JavaScript, "JavaScript", IsSerializable: true, IsBrowsable: true, Monaco("javascript")),
        new(ExpressionTypes.Object, "Object", IsSerializable: true, IsBrowsable: false, Monaco("json")),
        new(ExpressionTypes.Variable, "Variable", IsSerializable: true, IsBrowsable: true, Empty),
    ];

    public static IReadOnlyList<VariableTypeDescriptorModel> VariableTypes { get; } =
    [
        new("Object", "Object", "Primitives", "Any value."),
        new("String", "String", "Primitives", null),
        new("Boolean", "Boolean", "Primitives", null),
        new("Int32", "Int32", "Primitives", null),
        new("Int64", "Int64", "Primitives", null),
        new("Double", "Double", "Primitives", null),
        new("Decimal", "Decimal", "Primitives", null),
        new("Guid", "Guid", "Primitives", null),
        new("DateTime", "DateTime", "Primitives", null),
        new("DateTimeOffset", "DateTimeOffset", "Primitives", null),
        new("DateOnly", "DateOnly", "Primitives", null),
        new("TimeOnly", "TimeOnly", "Primitives", null),
        new("TimeSpan", "TimeSpan", "Primitives", null),
        new("ExpandoObject", "ExpandoObject", "Dynamic", "A JSON object."),
    ];

    /// <summary>Itsm keeps every variable in the instance's state; this is the name Elsa 3.6 exports carry.</summary>
    public static IReadOnlyList<StorageDriverDescriptorModel> StorageDrivers { get; } =
    [
        new("Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core", "Workflow instance", 0, false),
    ];

    public static IReadOnlyList<StrategyDescriptorModel> ActivationStrategies { get; } =
    [
        new("Default", "Default", "Always start a new instance."),
    ];

    public static IReadOnlyList<StrategyDescriptorModel> LogPersistenceStrategies { get; } =
    [
        new("Include", "Include", "Journal every activity execution."),
    ];

    public static IReadOnlyList<StrategyDescriptorModel> IncidentStrategies { get; } =
    [
        new("FaultStrategy", "Fault", "Stop the instance at the failing activity until it is retried or cancelled."),
    ];

    /// <summary>Itsm commits after every burst; there is nothing to choose.</summary>
    public static IReadOnlyList<CommitStrategyDescriptorModel> CommitStrategies { get; } = [];

    /// <summary>No optional Elsa modules: Studio then shows only the core designer and instance views.</summary>
    public static IReadOnlyList<FeatureDescriptorModel> Features { get; } = [];

    private static Dictionary<string, object> Monaco(string language) => new() { ["MonacoLanguage"] = language };
}
