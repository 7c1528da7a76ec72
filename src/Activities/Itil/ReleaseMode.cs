namespace Itsm.Activities.Itil;

/// <summary>
/// How deployed software reaches its users: at once, or dark behind a feature flag that is switched on later (so
/// deploying and releasing are separate decisions).
/// </summary>
public enum ReleaseMode
{
    Immediate,
    FeatureFlag,
}
