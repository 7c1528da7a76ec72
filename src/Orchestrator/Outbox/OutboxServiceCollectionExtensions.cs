using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itsm.Orchestrator.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Durable follow-up work: the dispatcher, its poll, and the runtime's own handlers. Features add handlers with <see cref="AddOutboxHandler{T}"/>.</summary>
    public static IServiceCollection AddItsmOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxPoller>();
        services.AddOutboxHandler<DeliverEventHandler>();
        services.AddOutboxHandler<ResumeParentHandler>();
        services.AddOutboxHandler<ArmTimersHandler>();
        return services;
    }

    public static IServiceCollection AddOutboxHandler<T>(this IServiceCollection services) where T : class, IOutboxHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, T>());
        return services;
    }
}
