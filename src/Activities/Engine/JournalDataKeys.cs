namespace Itsm.Activities.Engine;

/// <summary>The sections of a journal row's data (<see cref="JournalEntry.Data"/>), named as Elsa's activity execution record names them.</summary>
public static class JournalDataKeys
{
    /// <summary>The evaluated inputs by input name.</summary>
    public const string Inputs = "activityState";

    /// <summary>The output by declared output name (<c>output</c> when the type declares none).</summary>
    public const string Outputs = "outputs";
}
