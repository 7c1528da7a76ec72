using Microsoft.Extensions.Logging;

namespace Itsm.Activities.Engine;

/// <summary>What the engine writes to the host's log: the details a fault on an instance deliberately leaves out.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(LogLevel.Error, "Activity {ActivityId} ({ActivityType}) of instance {InstanceId} failed unexpectedly; recorded as fault {FaultId}")]
    public static partial void UnexpectedFault(ILogger logger, Exception exception, string activityId, string activityType, string instanceId, string faultId);
}
