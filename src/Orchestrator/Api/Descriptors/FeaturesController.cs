using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's installed-features list, which Studio reads to decide which optional panels to show.</summary>
[Route(ElsaApi.Root + "/features")]
[Tags("Descriptors")]
public sealed class FeaturesController : DesignApiController
{
    [HttpGet("installed")]
    public ListResponse<FeatureDescriptorModel> Installed() => new(StaticDescriptors.Features);

    /// <summary>
    /// One installed feature by full name. Studio asks this before using an optional module
    /// (<c>Elsa.Resilience</c>, <c>Elsa.RealTimeWorkflowUpdates</c>, ...) and reads a 404 as "not installed",
    /// exactly as elsa-core answers for a feature it lacks; the problem body names the feature.
    /// </summary>
    [HttpGet("installed/{fullName}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<FeatureDescriptorModel> InstalledFeature(string fullName)
    {
        var feature = StaticDescriptors.Features.FirstOrDefault(candidate => string.Equals(candidate.FullName, fullName, StringComparison.Ordinal));
        return feature is null ? this.NotFoundProblem($"Feature '{fullName}' is not installed.") : feature;
    }
}
