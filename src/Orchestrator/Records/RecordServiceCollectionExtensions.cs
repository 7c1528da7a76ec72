using Itsm.Activities.Ports;
using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Records.DemoEstate;
using Itsm.Orchestrator.Records.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Records;

public static class RecordServiceCollectionExtensions
{
    /// <summary>
    /// Service-management records written by activities in their step's commit, and the ports activities use (read,
    /// numbers); the record API's queries and hand writes; notification delivery (<c>Itsm:Notifications</c>); the demo
    /// estate seeded on first start (<c>Itsm:Records:SeedDemoEstate</c>).
    /// </summary>
    public static IServiceCollection AddItsmRecords(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRecordReader, StoreRecordReader>();
        services.TryAddSingleton<IRecordNumbers, RecordNumbers>();
        services.TryAddSingleton<RecordQueries>();
        services.TryAddSingleton<RecordWriter>();

        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        // Channel URLs come from the operator's configuration, not from workflows: no destination guard is needed.
        services.AddHttpClient(DeliverNotificationHandler.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddOutboxHandler<DeliverNotificationHandler>();
        services.TryAddSingleton<NotificationRouting>();

        services.AddOptions<RecordsOptions>().BindConfiguration(RecordsOptions.SectionName).ValidateOnStart();
        services.AddHostedService<DemoEstateSeeder>();
        return services;
    }
}
