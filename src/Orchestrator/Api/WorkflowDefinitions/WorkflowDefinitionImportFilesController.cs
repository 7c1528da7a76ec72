using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// <c>POST workflow-definitions/import-files</c>: a multipart upload of exported definitions, JSON files or zip
/// archives of them (as elsa-core takes). Each definition is imported like <c>workflow-definitions/import</c>: saved
/// as a draft, never published. Each file is checked as the JSON body filter checks a request (depth, duplicate
/// keys, text and numbers Itsm can keep) and refused on its own.
/// </summary>
[Route(ElsaApi.Root + "/workflow-definitions")]
[Tags("Workflow definitions")]
public sealed partial class WorkflowDefinitionImportFilesController(
    IWorkflowDefinitionService definitions,
    ILogger<WorkflowDefinitionImportFilesController> logger) : DesignApiController
{
    /// <summary>Definitions in one upload; a zip holding more is refused at the entry over the limit.</summary>
    public const int MaxDefinitions = 200;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = Common.JsonContent.MaxDepth,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpPost("import-files")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(4 * JsonBodyValidationFilter.MaxBytes)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ImportFilesResponse>> ImportFiles(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
            return this.FieldProblem("files", "Send the files as multipart/form-data.");
        var form = await Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        if (form.Files.Count == 0)
            return this.FieldProblem("files", "At least one file is required.");

        var imported = new List<ImportedFileModel>();
        var failed = new List<RefusedFileModel>();
        foreach (var file in form.Files)
        {
            foreach (var (name, read) in Documents(file, failed))
            {
                if (imported.Count + failed.Count >= MaxDefinitions)
                {
                    failed.Add(new RefusedFileModel(name, [$"At most {MaxDefinitions} definitions per upload."]));
                    break;
                }
                await ImportOneAsync(name, read, imported, failed, cancellationToken).ConfigureAwait(false);
            }
        }

        LogImported(logger, imported.Count, failed.Count);
        return new ImportFilesResponse(imported.Count, imported, failed);
    }

    /// <summary>The JSON documents of one uploaded file: itself, or each <c>.json</c> entry of a zip.</summary>
    private static IEnumerable<(string Name, Func<Stream> Open)> Documents(IFormFile file, List<RefusedFileModel> failed)
    {
        var isZip = file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            || string.Equals(file.ContentType, "application/zip", StringComparison.OrdinalIgnoreCase)
            || string.Equals(file.ContentType, "application/x-zip-compressed", StringComparison.OrdinalIgnoreCase);
        if (!isZip)
        {
            yield return (file.FileName, file.OpenReadStream);
            yield break;
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file.OpenReadStream(), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            failed.Add(new RefusedFileModel(file.FileName, ["Not a readable zip archive."]));
            yield break;
        }

        using (archive)
        {
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    || entry.FullName.StartsWith("__MACOSX", StringComparison.OrdinalIgnoreCase))
                    continue;
                var name = $"{file.FileName}/{entry.FullName}";
                // The declared size is checked here, the real one while reading (a zip can lie about it).
                if (entry.Length > JsonBodyValidationFilter.MaxBytes)
                {
                    failed.Add(new RefusedFileModel(name, [$"Larger than {JsonBodyValidationFilter.MaxBytes} bytes."]));
                    continue;
                }
                yield return (name, entry.Open);
            }
        }
    }

    private async Task ImportOneAsync(string name, Func<Stream> open, List<ImportedFileModel> imported, List<RefusedFileModel> failed, CancellationToken cancellationToken)
    {
        WorkflowDefinitionModel model;
        try
        {
            if (await ReadBoundedAsync(open, cancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                failed.Add(new RefusedFileModel(name, [$"Larger than {JsonBodyValidationFilter.MaxBytes} bytes."]));
                return;
            }
            // Parsed from the bytes, so invalid UTF-8 is refused rather than replaced.
            using (var document = JsonDocument.Parse(bytes, ParseOptions))
            {
                if (Common.JsonContent.FindProblem(document.RootElement) is { } problem)
                {
                    failed.Add(new RefusedFileModel(name, [$"{problem.Path}: {problem.Message}"]));
                    return;
                }
            }
            model = ElsaJson.ParseDefinition(Encoding.UTF8.GetString(bytes.Span));
        }
        catch (JsonException ex)
        {
            failed.Add(new RefusedFileModel(name, [$"{(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path)}: Not valid JSON: {ex.Message}"]));
            return;
        }
        catch (WorkflowDefinitionException ex)
        {
            failed.Add(new RefusedFileModel(name, ex.Errors.Select(DefinitionValidationProblem.Describe).ToList()));
            return;
        }
        catch (InvalidDataException)
        {
            failed.Add(new RefusedFileModel(name, ["The zip entry cannot be read."]));
            return;
        }

        if (model.Root is null)
        {
            failed.Add(new RefusedFileModel(name, ["root: An imported definition needs its root flowchart ('root')."]));
            return;
        }

        // $schema describes the file, not the definition; an import saves a draft, as Elsa's does.
        var result = await definitions.SaveAsync(model with { Schema = null }, publish: false, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || result.Definition is null)
        {
            failed.Add(new RefusedFileModel(name, result.Errors.Select(DefinitionValidationProblem.Describe).ToList()));
            return;
        }
        var saved = result.Definition;
        imported.Add(new ImportedFileModel(name, saved.DefinitionId, saved.Id, saved.Version));
    }

    /// <summary>The document's bytes, or null when it is larger than a request body may be.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Func<Stream> open, CancellationToken cancellationToken)
    {
        var stream = open();
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > JsonBodyValidationFilter.MaxBytes)
                    return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Import of files: {Imported} workflow definitions imported as drafts, {Failed} refused")]
    private static partial void LogImported(ILogger logger, int imported, int failed);
}
