using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// Plans work the stream needs: a shared view of the direction, the portfolio and the constraints before anything is built or changed. Automated, or a task for the node's role whose performer picks one of the node's outcomes.
/// </summary>
[Activity("Itsm", "Plan", DisplayName = "Plan", Kind = ActivityKind.Task,
    Description = "Plans work the stream needs: a shared view of the direction, the portfolio and the constraints before anything is built or changed. Automated, or a task for a role that picks an outcome.")]
[Outcomes(Outcomes.Done, Dynamic = true)]
[Output("outcome", typeof(string), Description = "The outcome the performer picked (Done when automated).")]
[Output("comment", typeof(string), Description = "The performer's comment, if any.")]
[ItilTags(ValueChain = ["plan"], Practices = ["portfolio-management", "strategy-management", "architecture-management"], Roles = ["service owner"])]
public sealed class Plan : ValueChainStep;
