namespace Itsm.Activities.Itil.Catalogue;

/// <summary>One of the three groups the practices fall into (general, service and technical management).</summary>
public sealed record PracticeCategory(string Id, string Name);
