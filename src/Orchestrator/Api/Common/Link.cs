namespace Itsm.Orchestrator.Api.Common;

/// <summary>A hypermedia link as Elsa sends it; <see cref="Href"/> is relative to the API root (<c>/elsa/api</c>).</summary>
public sealed record Link(string Href, string Rel, string Method);
