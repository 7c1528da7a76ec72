using Itsm.Activities.Model;

namespace Itsm.TestPlugins;

/// <summary>A port-free activity from outside the engine: greets a customer by name.</summary>
[Activity("Acme", "GreetCustomer", Category = "Acme", Description = "Writes a greeting for a customer.")]
[Output("greeting", typeof(string), Description = "The greeting.")]
public sealed class GreetCustomer : Activity<GreetCustomer.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The customer's name.")]
        public string? CustomerName { get; set; }
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
        => new(Done($"Hello, {input.CustomerName ?? "customer"}!"));
}
