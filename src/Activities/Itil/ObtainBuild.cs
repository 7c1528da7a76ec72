using Itsm.Activities.Model;

namespace Itsm.Activities.Itil;

/// <summary>
/// Builds, buys or assembles the components a service needs, so they are ready when and where they are wanted. Automated, or a task for the node's role whose performer picks one of the node's outcomes.
/// </summary>
[Activity("Itsm", "ObtainBuild", DisplayName = "Obtain/build", Kind = ActivityKind.Task,
    Description = "Builds, buys or assembles the components a service needs, so they are ready when and where they are wanted. Automated, or a task for a role that picks an outcome.")]
[Outcomes(Outcomes.Done, Dynamic = true)]
[Output("outcome", typeof(string), Description = "The outcome the performer picked (Done when automated).")]
[Output("comment", typeof(string), Description = "The performer's comment, if any.")]
[ItilTags(ValueChain = ["obtain-build"], Practices = ["software-development-and-management", "it-asset-management", "service-validation-and-testing"], Roles = ["developer"])]
public sealed class ObtainBuild : ValueChainStep;
