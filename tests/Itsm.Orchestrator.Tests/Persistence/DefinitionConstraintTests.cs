using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>"One latest, one published version" is the database's rule, not a lock's: any writer is held to it.</summary>
public sealed class DefinitionConstraintTests : StoreTestBase
{
    [Fact]
    public async Task Database_refuses_a_second_latest_or_published_version_whoever_writes_it()
    {
        await Definitions.SaveAsync([Definition("incident", 1, isLatest: true, isPublished: true)], Ct);
        var contexts = Host.Services.GetRequiredService<IDbContextFactory<ItsmDbContext>>();
        var errors = Host.Services.GetRequiredService<IDatabaseErrors>();

        foreach (var (latest, published) in new[] { (true, false), (false, true) })
        {
            // Straight into the table, past the definition store's own bookkeeping.
            await using var context = await contexts.CreateDbContextAsync();
            var version = latest ? 3 : 2;
            context.Definitions.Add(new DefinitionEntity
            {
                Id = $"incident:v{version}", DefinitionId = "incident", Version = version, Name = "incident",
                IsLatest = latest, IsPublished = published, CreatedAt = 0, ModelJson = "{}",
            });
            var act = () => context.SaveChangesAsync();
            var failure = (await act.Should().ThrowAsync<DbUpdateException>()).Which;
            errors.IsUniqueViolation(failure).Should().BeTrue("a unique index refuses a second {0} version", latest ? "latest" : "published");
        }

        (await Definitions.FindLatestAsync("incident", Ct))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task Publishing_a_new_version_moves_both_flags_within_the_constraints()
    {
        await Definitions.SaveAsync([Definition("incident", 1, isLatest: true, isPublished: true)], Ct);

        await Definitions.SaveAsync([
            Definition("incident", 1, isLatest: false, isPublished: false),
            Definition("incident", 2, isLatest: true, isPublished: true),
        ], Ct);

        (await Definitions.FindLatestAsync("incident", Ct))!.Version.Should().Be(2);
    }
}
