using Itsm.Activities.Itil;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Itil;

/// <summary>Refuses to start with a matrix cell outside P1–P4 or a priority without a positive target, naming each.</summary>
public sealed class ItilOptionsValidator : IValidateOptions<ItilOptions>
{
    public ValidateOptionsResult Validate(string? name, ItilOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
