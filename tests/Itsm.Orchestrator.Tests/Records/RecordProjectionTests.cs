using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>What the store indexes of a record's data, computed once where a <see cref="RecordWrite"/> is built.</summary>
public sealed class RecordProjectionTests
{
    [Fact]
    public void Indexed_fields_and_links_come_from_the_data_and_follow_it_through_with()
    {
        var write = new RecordWrite("incident", "inc-1",
            """{"number":"INC0000007","status":"new","priority":"P1","title":"Tills OFFLINE","links":[{"type":"change","id":"chg-1"},{"type":"change","id":"chg-1"},{"id":"no-type"}]}""",
            "i-1", "log", DateTimeOffset.UnixEpoch);

        write.Projection.Should().BeEquivalentTo(new { Number = "INC0000007", Status = "new", Priority = "P1", Title = "Tills OFFLINE" });
        write.Projection.SearchText.Should().Be("inc0000007 tills offline");
        write.Projection.Links.Should().Equal(new RecordLink("change", "chg-1", ""));

        var changed = write with { DataJson = """{"status":"resolved","priority":3}""" };
        changed.Projection.Status.Should().Be("resolved");
        changed.Projection.Priority.Should().BeNull("only strings are indexed");
        changed.Projection.Links.Should().BeEmpty();
        (write with { DataJson = null }).Projection.Should().Be(RecordProjection.None);
    }
}
