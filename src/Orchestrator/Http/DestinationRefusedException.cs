namespace Itsm.Orchestrator.Http;

/// <summary>The guard refused a destination: retrying cannot help, so the step faults for good.</summary>
public sealed class DestinationRefusedException(string message) : Exception(message);
