using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>The answer to a webhook whose workflow wrote no response of its own: which instance took it and its status.</summary>
public sealed record WebhookAcceptedResponse(string? InstanceId, InstanceStatus? Status);
