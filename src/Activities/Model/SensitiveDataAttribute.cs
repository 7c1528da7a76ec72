namespace Itsm.Activities.Model;

/// <summary>
/// What this activity takes and gives may hold credentials or personal data (a request's headers, a respondent's
/// address): the journal keeps neither its evaluated inputs nor its outputs, only that it ran and how it ended.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SensitiveDataAttribute : Attribute;
