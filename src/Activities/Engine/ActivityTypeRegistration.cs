namespace Itsm.Activities.Engine;

/// <summary>
/// Activity types one <c>AddItsmActivities</c> call contributed. Registered as a singleton per call; the host
/// builds its <see cref="ActivityRegistry"/> from all of them, so libraries add activities without the engine
/// knowing them.
/// </summary>
public sealed record ActivityTypeRegistration(IReadOnlyList<Type> Types);
