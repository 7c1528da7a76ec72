using System.Globalization;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Checks whether a supplier's contract covers the work in hand, from the service's catalogue entry: its
/// <c>supplierContract</c> = <c>{ "supplier": "…", "expiresOn": "2027-06-30", "covers": ["software-fixes", …] }</c>.
/// Covered when the contract exists, has not expired, and lists the topic (or the node asks about no topic).
/// </summary>
[Activity("Itsm", "CheckSupplierContract", DisplayName = "Check supplier contract",
    Description = "Checks a service's supplier contract: Covered when it is valid and covers the topic, else NotCovered.")]
[Outcomes(Covered, NotCovered)]
[Output("supplier", typeof(string), Description = "The supplier named in the contract.")]
[Output("reason", typeof(string), Description = "Why the work is not covered (NotCovered).")]
[ItilTags(ValueChain = ["obtain-build", "deliver-and-support"], Practices = ["supplier-management"], Roles = ["supplier manager", "support engineer"])]
public sealed class CheckSupplierContract(IRecordReader reader) : Activity<CheckSupplierContract.Inputs>
{
    public const string Covered = "Covered";
    public const string NotCovered = "NotCovered";
    public const string ContractField = "supplierContract";

    public sealed class Inputs
    {
        [Input(Description = "The catalogue entry's record id of the service the supplier provides.")]
        public string? ServiceId { get; set; }

        [Input(Description = "What the contract must cover, e.g. software-fixes; empty: any valid contract.")]
        public string? Topic { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var entry = await ItilRecords.FindAsync(context, reader, RecordTypes.CatalogueEntry, input.ServiceId, cancellationToken);
        if (entry is null) return Not(null, $"There is no catalogue entry '{input.ServiceId}'.");
        if (!entry.TryGetValue(ContractField, out var value) || value is not IDictionary<string, object?> contract)
            return Not(null, "The service has no supplier contract.");

        var supplier = contract.TryGetValue("supplier", out var name) ? Convert.ToString(name, CultureInfo.InvariantCulture) : null;
        if (contract.TryGetValue("expiresOn", out var expires) && expires is not null
            && DateTimeOffset.TryParse(Convert.ToString(expires, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresOn)
            // A date-only expiry covers the whole of that day.
            && context.Now >= (expiresOn.TimeOfDay == TimeSpan.Zero ? expiresOn.AddDays(1) : expiresOn))
            return Not(supplier, $"The contract with {supplier} expired on {expires}.");
        if (!string.IsNullOrWhiteSpace(input.Topic))
        {
            var covers = contract.TryGetValue("covers", out var list) && list is IEnumerable<object?> items
                ? items.Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)).ToList()
                : [];
            if (!covers.Contains(input.Topic.Trim(), StringComparer.OrdinalIgnoreCase))
                return Not(supplier, $"The contract with {supplier} does not cover '{input.Topic.Trim()}'.");
        }
        return Outcome(Covered, new Dictionary<string, object?> { ["supplier"] = supplier, ["reason"] = null });
    }

    private static Completed Not(string? supplier, string reason)
        => Outcome(NotCovered, new Dictionary<string, object?> { ["supplier"] = supplier, ["reason"] = reason });
}
