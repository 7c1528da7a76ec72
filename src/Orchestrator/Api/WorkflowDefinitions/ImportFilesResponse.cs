namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// Elsa's import-files answer, <c>{count}</c> (definitions imported), with what Itsm adds: each imported file and
/// each refused one with its reasons, so one bad file in a batch is reported instead of failing the whole upload.
/// </summary>
public sealed record ImportFilesResponse(int Count, IReadOnlyList<ImportedFileModel> Imported, IReadOnlyList<RefusedFileModel> Failed);

/// <summary>A file (or zip entry) saved as a draft version.</summary>
public sealed record ImportedFileModel(string FileName, string DefinitionId, string Id, int Version);

/// <summary>A file (or zip entry) not imported, and why (each message prefixed with the JSON path at fault).</summary>
public sealed record RefusedFileModel(string FileName, IReadOnlyList<string> Errors);
