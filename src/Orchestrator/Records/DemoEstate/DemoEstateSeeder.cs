using Itsm.Activities.Itil;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Records.DemoEstate;

/// <summary>
/// Seeds the demo estate on first start, so the value streams run on a fresh machine: under the start-up seeding lock
/// (one node at a time on a shared database), only when none of its records exists yet, all in one write (a crash
/// leaves all or nothing). Off with <c>Itsm:Records:SeedDemoEstate=false</c>.
/// </summary>
public sealed partial class DemoEstateSeeder(
    IOptions<RecordsOptions> options,
    DatabaseInitializer database,
    IStartupSeedingLock seeding,
    IWorkflowStore store,
    IRecordNumbers numbers,
    RecordWriter writer,
    ILogger<DemoEstateSeeder> logger) : IHostedService
{
    public const string Actor = "demo-estate";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoEstate) return;
        await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var held = await seeding.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var estate = DemoEstateFile.Load();
            foreach (var entry in estate.Records)
            {
                if (await store.FindRecordAsync(entry.Type, entry.Id, cancellationToken).ConfigureAwait(false) is not null)
                {
                    // Seeded before (by this node or another): an estate someone has since changed is theirs.
                    return;
                }
            }

            var writes = new List<RecordWrite>(estate.Records.Count);
            foreach (var entry in estate.Records)
            {
                var data = (System.Text.Json.Nodes.JsonObject)entry.Data.DeepClone();
                data[RecordFields.Number] = await numbers.NextAsync(entry.Type, cancellationToken).ConfigureAwait(false);
                writes.Add(writer.ByHand(entry.Type, entry.Id, data, Actor));
            }

            await writer.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
            LogSeeded(logger, writes.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo estate seeded: {Count} records (services, configuration items, spare parts)")]
    private static partial void LogSeeded(ILogger logger, int count);
}
