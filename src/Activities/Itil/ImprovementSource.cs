namespace Itsm.Activities.Itil;

/// <summary>Where an improvement idea came from: a satisfaction survey, a person, or a value stream's own review.</summary>
public enum ImprovementSource
{
    Stream,
    Survey,
    Person,
}
