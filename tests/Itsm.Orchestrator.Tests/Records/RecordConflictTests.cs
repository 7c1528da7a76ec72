using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>Two instances changing one record at once: the later commit runs again on what the earlier one wrote.</summary>
public sealed class RecordConflictTests
{
    [Fact]
    public async Task Two_instances_taking_from_one_stock_at_once_both_count()
    {
        await using var app = new ItsmAppFactory { TestServices = s => s.AddItsmActivities(a => a.AddActivity<TakeFromStockStep>()) };
        var writer = app.Services.GetRequiredService<RecordWriter>();
        await writer.WriteAsync([writer.ByHand("asset", "spare-ap", new JsonObject { ["stock"] = 5 }, "stores")], default);
        await app.PublishAsync(new Itsm.Activities.Tests.Support.FlowBuilder("take-spare")
            .Activity("start", "Elsa.Start")
            .Activity("take", "Test.TakeFromStock", ("recordId", Literal("String", "spare-ap")))
            .Chain("start", "take")
            .ToJson());

        // Both read stock 5 before either commits; then both go on.
        var first = Task.Run(() => app.Runtime.StartAsync(new StartRequest("take-spare"), default));
        var second = Task.Run(() => app.Runtime.StartAsync(new StartRequest("take-spare"), default));
        for (var i = 0; i < 2; i++)
            (await TakeFromStockStep.Reads.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue("both instances read the stock");
        TakeFromStockStep.Gate.SetResult();
        var results = await Task.WhenAll(first, second);

        results.Should().OnlyContain(r => r.State!.Status == InstanceStatus.Finished);
        var stored = await app.Store.FindRecordAsync("asset", "spare-ap", default);
        JsonNode.Parse(stored!.DataJson)!["stock"]!.GetValue<long>().Should().Be(3, "the later commit was refused and ran again on stock 4");
        stored.Version.Should().Be(3);
        TakeFromStockStep.Reads.CurrentCount.Should().Be(1, "the instance that lost the race read the record a second time");
    }

    /// <summary>Reads a stock, waits at <see cref="Gate"/>, writes it one lower.</summary>
    [Activity("Test", "TakeFromStock", Category = "Test", Description = "Takes one item from a stock record.")]
    public sealed class TakeFromStockStep(IRecordReader reader) : Activity<TakeFromStockStep.Inputs>
    {
        public static readonly SemaphoreSlim Reads = new(0);
        public static readonly TaskCompletionSource Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public sealed class Inputs
        {
            [Input(Description = "The stock record's id.")]
            public string RecordId { get; set; } = "";
        }

        protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        {
            var stock = (await reader.FindAsync("asset", input.RecordId, cancellationToken))!;
            context.NoteRecordRead("asset", input.RecordId, stock.Version);
            Reads.Release();
            await Gate.Task.WaitAsync(cancellationToken);
            var data = new Dictionary<string, object?>((IDictionary<string, object?>)stock.Data!);
            data["stock"] = Convert.ToInt64(data["stock"], System.Globalization.CultureInfo.InvariantCulture) - 1;
            context.WriteRecord(new RecordChange("asset", input.RecordId, RecordOperation.Upsert, data));
            return Done();
        }
    }
}
