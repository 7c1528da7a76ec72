namespace Itsm.Orchestrator.Api.Common;

/// <summary>Route prefixes: Elsa's API root (what Studio and Elsa clients call) and Itsm's own API.</summary>
public static class ElsaApi
{
    public const string Root = "elsa/api";
    public const string ItsmRoot = "api";
}
