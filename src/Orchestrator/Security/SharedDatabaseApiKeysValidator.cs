using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// On PostgreSQL several nodes share one database, but the development API key is generated into each node's data
/// folder: every node would accept a different key, and a client behind the load balancer would be refused at
/// random. Outside Development and Testing the host therefore refuses to start on PostgreSQL without
/// <c>Itsm:ApiKeys</c>, which every node reads from its configuration. (Keeping the generated key in the database
/// instead would put a secret in a table every node and every backup can read, for a convenience production does
/// not need.)
/// </summary>
public sealed class SharedDatabaseApiKeysValidator(IHostEnvironment environment, IOptions<PersistenceOptions> persistence) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (persistence.Value.Provider != DatabaseProvider.PostgreSql
            || environment.IsDevelopment()
            || environment.IsEnvironment(SecurityOptionsValidator.TestingEnvironment)
            || options.ApiKeys.Any(key => !string.IsNullOrWhiteSpace(key)))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            "Itsm:ApiKeys is empty while Itsm:Persistence:Provider is PostgreSql "
            + $"(environment '{environment.EnvironmentName}'): nodes sharing a database would each generate a different development key. "
            + "Configure the same key on every node, e.g. Itsm__ApiKeys__0=\"$(openssl rand -base64 32)\".");
    }
}
