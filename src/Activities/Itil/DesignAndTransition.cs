using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// Designs a new or changed service and moves it towards use, meeting its quality, cost and time expectations. Automated, or a task for the node's role whose performer picks one of the node's outcomes.
/// </summary>
[Activity("Itsm", "DesignAndTransition", DisplayName = "Design and transition", Kind = ActivityKind.Task,
    Description = "Designs a new or changed service and moves it towards use, meeting its quality, cost and time expectations. Automated, or a task for a role that picks an outcome.")]
[Outcomes(Outcomes.Done, Dynamic = true)]
[Output("outcome", typeof(string), Description = "The outcome the performer picked (Done when automated).")]
[Output("comment", typeof(string), Description = "The performer's comment, if any.")]
[ItilTags(ValueChain = ["design-and-transition"], Practices = ["service-design", "change-control", "release-management"], Roles = ["service designer"])]
public sealed class DesignAndTransition : ValueChainStep;
