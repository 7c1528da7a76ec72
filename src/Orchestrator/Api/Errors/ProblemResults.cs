using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Itsm.Orchestrator.Api.Errors;

/// <summary>
/// The RFC 7807 answers controllers give for expected failures, so every 404/409/400 reads the same:
/// a title for the kind of failure and a detail that names what was missing or in the wrong state.
/// </summary>
public static class ProblemResults
{
    public static ObjectResult NotFoundProblem(this ControllerBase controller, string detail)
        => controller.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ObjectResult ConflictProblem(this ControllerBase controller, string detail)
        => controller.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>A 400 naming the field at fault (the key is the field's name as the client sent it).</summary>
    public static ActionResult FieldProblem(this ControllerBase controller, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(controller);
        // A fresh dictionary: the bound one already holds the field under the C# property's spelling
        // (keys are case-insensitive), which would rename the key to "PageSize".
        var errors = new ModelStateDictionary();
        errors.AddModelError(field, message);
        return controller.ValidationProblem(errors);
    }
}
