using Itsm.Activities.Engine;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>
/// What the designer may put into a definition. Studio's editor calls all of these on open and crashes on any
/// unanswered one, so each answers a well-formed list even when Itsm has nothing to offer. Activity
/// descriptors are reflected once at start-up; Studio's <c>Refresh=True</c> therefore changes nothing.
/// </summary>
[Route(ElsaApi.Root + "/descriptors")]
[Tags("Descriptors")]
public sealed class DescriptorsController(ActivityRegistry registry) : DesignApiController
{
    [HttpGet("activities")]
    public ListResponse<ActivityDescriptorModel> Activities([FromQuery] bool? refresh)
        => new(ActivityDescriptorMapper.ToModels(registry));

    [HttpGet("activities/{typeName}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<ActivityDescriptorModel> Activity(string typeName)
    {
        if (registry.Find(typeName) is { } descriptor)
            return ActivityDescriptorMapper.ToModel(descriptor);
        var synthetic = ActivityDescriptorMapper.ToModels(registry).FirstOrDefault(model => model.TypeName == typeName);
        return synthetic is not null ? synthetic : this.NotFoundProblem($"Activity type '{typeName}' is not known.");
    }

    [HttpGet("expression-descriptors")]
    public ListResponse<ExpressionDescriptorModel> Expressions() => new(StaticDescriptors.Expressions);

    [HttpGet("variables")]
    public ListResponse<VariableTypeDescriptorModel> VariableTypes() => new(StaticDescriptors.VariableTypes);

    [HttpGet("storage-drivers")]
    public ListResponse<StorageDriverDescriptorModel> StorageDrivers() => new(StaticDescriptors.StorageDrivers);

    [HttpGet("workflow-activation-strategies")]
    public ListResponse<StrategyDescriptorModel> ActivationStrategies() => new(StaticDescriptors.ActivationStrategies);

    [HttpGet("log-persistence-strategies")]
    public ListResponse<StrategyDescriptorModel> LogPersistenceStrategies() => new(StaticDescriptors.LogPersistenceStrategies);

    [HttpGet("incident-strategies")]
    public ListResponse<StrategyDescriptorModel> IncidentStrategies() => new(StaticDescriptors.IncidentStrategies);

    [HttpGet("commit-strategies/workflows")]
    public ListResponse<CommitStrategyDescriptorModel> WorkflowCommitStrategies() => new(StaticDescriptors.CommitStrategies);

    [HttpGet("commit-strategies/activities")]
    public ListResponse<CommitStrategyDescriptorModel> ActivityCommitStrategies() => new(StaticDescriptors.CommitStrategies);
}
