namespace Itsm.Activities.Model;

/// <summary>Port names used by the built-in activities (Elsa's names).</summary>
public static class Outcomes
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
}
