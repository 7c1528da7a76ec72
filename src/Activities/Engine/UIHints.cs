namespace Itsm.Activities.Engine;

/// <summary>Elsa Studio's input editors, by the names its designer understands.</summary>
public static class UIHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";
    public const string Checkbox = "checkbox";
    public const string CheckList = "checklist";
    public const string DropDown = "dropdown";
    public const string MultiText = "multitext";
    public const string Code = "code-editor";
    public const string VariablePicker = "variable-picker";
    public const string FlowSwitchEditor = "flow-switch-editor";
    public const string WorkflowDefinitionPicker = "workflow-definition-picker";
    public const string JsonEditor = "json-editor";
    /// <summary>A list of names that become the node's outgoing ports (Studio's port provider reads the node's value).</summary>
    public const string DynamicOutcomes = "dynamic-outcomes";
}
