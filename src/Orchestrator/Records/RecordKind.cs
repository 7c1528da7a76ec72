namespace Itsm.Orchestrator.Records;

/// <summary>
/// One record kind of the API: its route under <c>/api</c>, the record type it lists, and, for kinds a person may
/// write by hand, the <see cref="RecordForm"/> that checks the body (null: read-only, written by steps only).
/// </summary>
public sealed record RecordKind(string Route, string RecordType, RecordForm? Form = null);
