using Itsm.Activities.Model;

namespace Itsm.CrashPlugin;

/// <summary>
/// Takes the whole process down (as a native crash in a library, or a stack overflow, would): the poison-loop
/// test's step that must not kill the host again at every restart. Never register it outside tests.
/// </summary>
[Activity("Test", "CrashHost", Category = "Test", Description = "Terminates the host process. Tests only.")]
public sealed class CrashHost : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        Environment.FailFast("Test.CrashHost ran: the poison-loop test's crashing step.");
        return new(Done());
    }
}
