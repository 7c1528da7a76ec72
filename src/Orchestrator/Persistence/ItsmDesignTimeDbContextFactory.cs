using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the web host (Program.cs): migrations are
/// generated from the model alone, so the connection string only has to be valid, not reachable.
/// </summary>
internal sealed class ItsmDesignTimeDbContextFactory : IDesignTimeDbContextFactory<ItsmDbContext>
{
    public ItsmDbContext CreateDbContext(string[] args)
    {
        var options = new PersistenceOptions();
        var builder = new DbContextOptionsBuilder<ItsmDbContext>();
        Sqlite.SqlitePersistence.Configure(builder, options);
        return new ItsmDbContext(builder.Options);
    }
}
