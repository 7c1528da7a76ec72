using Itsm.Activities.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itsm.Orchestrator.Records;

public static class RecordServiceCollectionExtensions
{
    /// <summary>Service-management records written by activities in their step's commit, and the read port activities use.</summary>
    public static IServiceCollection AddItsmRecords(this IServiceCollection services)
    {
        services.TryAddSingleton<IRecordReader, StoreRecordReader>();
        services.TryAddSingleton<IRecordNumbers, RecordNumbers>();
        return services;
    }
}
