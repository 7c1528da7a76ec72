namespace Itsm.Orchestrator.Records.Notifications;

public static class NotificationChannelKinds
{
    public const string Http = "http";
    public const string Log = "log";
}
