namespace Itsm.Activities.Itil;

/// <summary>Events the shipped value streams hand work to each other with.</summary>
public static class ItilEvents
{
    /// <summary>
    /// An improvement entered the continual improvement register (payload: <c>improvementId</c>, <c>source</c>, …);
    /// the continual improvement stream starts on it, whoever registered the improvement — a stream or a person.
    /// </summary>
    public const string ImprovementRegistered = "improvement-registered";
}
