using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// Talks with the people the service is for: takes requests, agrees what is wanted, keeps them informed. Automated, or a task for the node's role whose performer picks one of the node's outcomes.
/// </summary>
[Activity("Itsm", "Engage", DisplayName = "Engage", Kind = ActivityKind.Task,
    Description = "Talks with the people the service is for: takes requests, agrees what is wanted, keeps them informed. Automated, or a task for a role that picks an outcome.")]
[Outcomes(Outcomes.Done, Dynamic = true)]
[Output("outcome", typeof(string), Description = "The outcome the performer picked (Done when automated).")]
[Output("comment", typeof(string), Description = "The performer's comment, if any.")]
[ItilTags(ValueChain = ["engage"], Practices = ["relationship-management", "service-desk"], Roles = ["relationship manager"])]
public sealed class Engage : ValueChainStep;
