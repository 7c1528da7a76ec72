namespace Itsm.TestPlugins;

/// <summary>A port the plugin declares and the host (here: the test) implements.</summary>
public interface ICustomerDirectory
{
    Task<string?> FindTierAsync(string customerId, CancellationToken cancellationToken);
}
