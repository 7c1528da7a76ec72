namespace Itsm.Activities.Itil;

/// <summary>
/// The ITIL tags an activity type carries when its node sets none: the value-chain activities it serves (ids such as
/// <c>engage</c>, <c>deliver-and-support</c>, or a stream's <c>demand</c>/<c>value</c> ends), the practices it uses
/// (practice ids such as <c>incident-management</c>) and the roles that perform it. A node's own tag inputs
/// (<see cref="ItilTagInputs"/>) replace the defaults tag by tag.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ItilTagsAttribute : Attribute
{
    public string[] ValueChain { get; init; } = [];
    public string[] Practices { get; init; } = [];
    public string[] Roles { get; init; } = [];
}
