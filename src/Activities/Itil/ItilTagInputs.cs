namespace Itsm.Activities.Itil;

/// <summary>
/// The names of the three tag inputs every node may carry in its Elsa 3 JSON (on every activity type, Elsa's
/// built-ins included), e.g. <c>"itilPractices": { "typeName": "String[]", "expression": { "type": "Object",
/// "value": "[\"incident-management\"]" } }</c>. Prefixed so they never collide with an activity's own inputs.
/// </summary>
public static class ItilTagInputs
{
    public const string ValueChain = "itilValueChain";
    public const string Practices = "itilPractices";
    public const string Roles = "itilRoles";

    /// <summary>The property-panel category the three inputs are shown under.</summary>
    public const string Category = "ITIL";
}
