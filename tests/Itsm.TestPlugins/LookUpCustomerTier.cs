using Itsm.Activities.Model;

namespace Itsm.TestPlugins;

/// <summary>An activity that needs a port: a host registering it without an <see cref="ICustomerDirectory"/> must not start.</summary>
[Activity("Acme", "LookUpCustomerTier", Category = "Acme", Description = "Finds a customer's support tier.")]
[Outcomes("Found", "Unknown")]
[Output("tier", typeof(string), Description = "The support tier.")]
public sealed class LookUpCustomerTier(ICustomerDirectory directory) : Activity<LookUpCustomerTier.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The customer's id.")]
        public string? CustomerId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var tier = input.CustomerId is null ? null : await directory.FindTierAsync(input.CustomerId, cancellationToken);
        return tier is null ? Outcome("Unknown") : Outcome("Found", tier);
    }
}
