using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlDbContext</c> build the model without a server: migrations
/// come from the model alone, so the connection string only has to parse.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlDbContext>();
        builder.UseNpgsql("Host=localhost;Database=itsm");
        return new PostgreSqlDbContext(builder.Options);
    }
}
