using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Takes spare parts out of an asset's stock (asset data <c>stockCount</c> and <c>reorderThreshold</c>, whole numbers, as the asset API writes them). When
/// the stock falls below its threshold the step leaves through <c>ReorderNeeded</c> so the stream can order more; when
/// there are not enough parts it takes none and leaves through <c>OutOfStock</c>.
/// </summary>
[Activity("Itsm", "ConsumeSparePart", DisplayName = "Consume spare part",
    Description = "Takes parts from an asset's stock: ReorderNeeded below its threshold, OutOfStock when there are too few.")]
[Outcomes(Outcomes.Done, ReorderNeeded, OutOfStock)]
[Output("stock", typeof(long), Description = "The stock left.")]
[Output("number", typeof(string), Description = "The asset's number.")]
[ItilTags(ValueChain = ["obtain-build", "deliver-and-support"], Practices = ["it-asset-management"], Roles = ["support engineer"])]
public sealed class ConsumeSparePart(IRecordReader reader) : Activity<ConsumeSparePart.Inputs>
{
    public const string ReorderNeeded = "ReorderNeeded";
    public const string OutOfStock = "OutOfStock";
    public const string StockField = "stockCount";
    public const string ThresholdField = "reorderThreshold";

    public sealed class Inputs
    {
        [Input(Description = "The asset (stock item) record id, e.g. the spare access points.")]
        public string? AssetId { get; set; }

        [Input(Description = "How many parts are taken.")]
        public int Quantity { get; set; } = 1;

        [Input(Description = "The record id of the incident or change the parts are for, kept on the asset as its last use.")]
        public string? IncidentId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (input.Quantity < 1) return Fail($"Quantity must be at least 1 (was {input.Quantity}).", retryable: false);
        var asset = await ItilRecords.FindAsync(context, reader, RecordTypes.Asset, input.AssetId, cancellationToken);
        if (asset is null) return ItilRecords.Missing(RecordTypes.Asset, input.AssetId);
        var number = ItilRecords.Text(asset, RecordFields.Number);
        var stock = ItilRecords.Number(asset, StockField) ?? 0;
        if (stock < input.Quantity) return Outcome(OutOfStock, Output(stock, number));

        var left = stock - input.Quantity;
        asset[StockField] = left;
        asset["lastConsumedAt"] = ItilRecords.Timestamp(context);
        asset["lastConsumedFor"] = input.IncidentId;
        ItilRecords.Write(context, RecordTypes.Asset, input.AssetId!, asset);
        var threshold = ItilRecords.Number(asset, ThresholdField);
        return Outcome(threshold is { } t && left < t ? ReorderNeeded : Outcomes.Done, Output(left, number));
    }

    private static Dictionary<string, object?> Output(long stock, string? number) => new() { ["stock"] = stock, ["number"] = number };
}
