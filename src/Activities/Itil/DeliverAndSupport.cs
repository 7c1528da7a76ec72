using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// Runs the service day to day and helps its users, so it keeps doing what was agreed. Automated, or a task for the node's role whose performer picks one of the node's outcomes.
/// </summary>
[Activity("Itsm", "DeliverAndSupport", DisplayName = "Deliver and support", Kind = ActivityKind.Task,
    Description = "Runs the service day to day and helps its users, so it keeps doing what was agreed. Automated, or a task for a role that picks an outcome.")]
[Outcomes(Outcomes.Done, Dynamic = true)]
[Output("outcome", typeof(string), Description = "The outcome the performer picked (Done when automated).")]
[Output("comment", typeof(string), Description = "The performer's comment, if any.")]
[ItilTags(ValueChain = ["deliver-and-support"], Practices = ["incident-management", "service-desk", "monitoring-and-event-management"], Roles = ["support engineer"])]
public sealed class DeliverAndSupport : ValueChainStep;
