namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's <c>ExpressionDescriptorModel</c>.</summary>
public sealed record ExpressionDescriptorModel(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, IReadOnlyDictionary<string, object> Properties);
