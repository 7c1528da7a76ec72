namespace Itsm.Activities.Engine;

/// <summary>
/// Registered activities ask for ports (constructor services) the host does not provide. Thrown while the
/// registry is built at start-up, listing every activity and port at fault, so the host does not start half-able.
/// </summary>
public sealed class MissingActivityPortException(IReadOnlyList<MissingActivityPort> missing)
    : InvalidOperationException(Describe(missing))
{
    public IReadOnlyList<MissingActivityPort> Missing { get; } = missing;

    private static string Describe(IReadOnlyList<MissingActivityPort> missing)
        => "Activities need ports the host does not provide: "
            + string.Join("; ", missing.Select(m => $"activity '{m.ActivityTypeName}' ({m.ActivityType.FullName}) needs {m.Port.FullName}"))
            + ". Register an implementation of each port, or do not register the activity.";
}

/// <summary>One constructor dependency of one activity that the container cannot resolve.</summary>
public sealed record MissingActivityPort(string ActivityTypeName, Type ActivityType, Type Port);
