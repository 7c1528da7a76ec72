namespace Itsm.Orchestrator.Security;

/// <summary>Values of <see cref="ItsmClaimTypes.Kind"/>.</summary>
public static class PrincipalKinds
{
    public const string User = "user";
    public const string System = "system";
}
