namespace Itsm.Activities.Model;

/// <summary>The bookmark kinds the runtime resumes itself (timers, child workflows) or routes to (events, tasks, HTTP).</summary>
public static class BookmarkKinds
{
    public const string Delay = "Elsa.Delay";
    public const string Event = "Elsa.Event";
    public const string RunTask = "Elsa.RunTask";
    public const string ExecuteWorkflow = "Elsa.ExecuteWorkflow";
    public const string HttpEndpoint = "Elsa.HttpEndpoint";
}
