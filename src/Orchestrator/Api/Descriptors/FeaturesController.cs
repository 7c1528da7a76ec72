using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Groups;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's installed-features list, which Studio reads to decide which optional panels to show.</summary>
[Route(ElsaApi.Root + "/features")]
[Tags("Descriptors")]
public sealed class FeaturesController : DesignApiController
{
    [HttpGet("installed")]
    public ListResponse<FeatureDescriptorModel> Installed() => new(StaticDescriptors.Features);
}
