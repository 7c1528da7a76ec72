using Itsm.Orchestrator.Persistence;
using Microsoft.Data.Sqlite;
using static Itsm.Orchestrator.Tests.Persistence.TestRecords;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>"One latest, one published version" is the database's rule, not a lock's: any writer is held to it.</summary>
public sealed class DefinitionConstraintTests : StoreTestBase
{
    [Fact]
    public async Task Database_refuses_a_second_latest_or_published_version_whoever_writes_it()
    {
        await Definitions.SaveAsync([Definition("incident", 1, isLatest: true, isPublished: true)], Ct);
        var path = new PersistenceOptions { DataPath = Folder.Path }.DatabasePath;
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();

        foreach (var (latest, published) in new[] { (1, 0), (0, 1) })
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"Definitions\" (\"Id\", \"DefinitionId\", \"Version\", \"Name\", \"IsLatest\", \"IsPublished\", \"CreatedAt\", \"ModelJson\") " +
                $"VALUES ('incident:v{2 + latest}', 'incident', {2 + latest}, 'incident', {latest}, {published}, 0, '{{}}')";
            var act = () => insert.ExecuteNonQuery();
            act.Should().Throw<SqliteException>().Which.SqliteErrorCode.Should().Be(19, "a UNIQUE constraint fails");
        }
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
