using Itsm.Activities.Definitions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Itsm.Orchestrator.Api.Errors;

/// <summary>
/// A rejected definition, answered in both shapes at once: Elsa's FastEndpoints error body
/// (<c>statusCode</c>, <c>message</c>, <c>errors.generalErrors</c>; Studio shows <c>message</c> in its snackbar)
/// and an RFC 7807 validation problem whose <c>errors</c> also carry one key per field path at fault.
/// </summary>
public static class DefinitionValidationProblem
{
    public const string GeneralErrorsKey = "generalErrors";

    /// <summary>A refused save or publish: 409 when another definition owns what this one claims (a webhook route), else 400.</summary>
    public static ObjectResult DefinitionRefused(this ControllerBase controller, Itsm.Orchestrator.Definitions.SaveDefinitionResult result)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsConflict) return controller.DefinitionInvalid(result.Errors);
        var modelState = new ModelStateDictionary();
        foreach (var error in result.Errors)
            modelState.AddModelError(string.IsNullOrEmpty(error.Path) ? "$" : error.Path, error.Message);
        var message = string.Join("; ", result.Errors.Select(error => error.Message));
        var problem = controller.ProblemDetailsFactory.CreateValidationProblemDetails(
            controller.HttpContext, modelState, StatusCodes.Status409Conflict, "Conflict", detail: message);
        problem.Extensions["statusCode"] = StatusCodes.Status409Conflict;
        problem.Extensions["message"] = message;
        return new ConflictObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    public static ObjectResult DefinitionInvalid(this ControllerBase controller, IReadOnlyList<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(errors);
        var general = errors.Select(Describe).ToList();
        var message = general.Count switch
        {
            0 => "The workflow definition is not valid.",
            1 => general[0],
            _ => $"The workflow definition has {general.Count} problems: {string.Join("; ", general)}",
        };

        var modelState = new ModelStateDictionary();
        foreach (var line in general)
            modelState.AddModelError(GeneralErrorsKey, line);
        foreach (var error in errors)
            modelState.AddModelError(string.IsNullOrEmpty(error.Path) ? "$" : error.Path, error.Message);

        var problem = controller.ProblemDetailsFactory.CreateValidationProblemDetails(
            controller.HttpContext, modelState, StatusCodes.Status400BadRequest, "The workflow definition is not valid.", detail: message);
        problem.Extensions["statusCode"] = StatusCodes.Status400BadRequest;
        problem.Extensions["message"] = message;
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    /// <summary>One line per error, as Studio's snackbar and the bulk and import answers show it: the path, then the message.</summary>
    internal static string Describe(DefinitionError error)
        => string.IsNullOrEmpty(error.Path) || error.Path == "$" ? error.Message : $"{error.Path}: {error.Message}";
}
