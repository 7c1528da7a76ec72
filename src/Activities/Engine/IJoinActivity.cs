using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>How a join merges the branches arriving at it (Elsa's FlowJoinMode).</summary>
public enum JoinMode
{
    WaitAny,
    WaitAll,
    WaitAllActive,
}

/// <summary>An activity the engine treats as a join: it counts arrivals instead of running on each one.</summary>
public interface IJoinActivity
{
    JoinMode GetMode(ActivityContext context);
}

/// <summary>An activity that ends the whole flowchart when it completes (Elsa.End).</summary>
public interface ITerminalActivity;
