using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// Looks back at what happened and decides what to do better; ideas go to the continual improvement register. Automated, or a task for the node's role whose performer picks one of the node's outcomes.
/// </summary>
[Activity("Itsm", "Improve", DisplayName = "Improve", Kind = ActivityKind.Task,
    Description = "Looks back at what happened and decides what to do better; ideas go to the continual improvement register. Automated, or a task for a role that picks an outcome.")]
[Outcomes(Outcomes.Done, Dynamic = true)]
[Output("outcome", typeof(string), Description = "The outcome the performer picked (Done when automated).")]
[Output("comment", typeof(string), Description = "The performer's comment, if any.")]
[ItilTags(ValueChain = ["improve"], Practices = ["continual-improvement", "measurement-and-reporting"], Roles = ["continual improvement manager"])]
public sealed class Improve : ValueChainStep;
