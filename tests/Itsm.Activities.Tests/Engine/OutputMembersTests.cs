using Itsm.Activities.Engine;

namespace Itsm.Activities.Tests.Engine;

public sealed class OutputMembersTests
{
    [Fact]
    public void A_named_output_is_found_on_an_object_or_a_map_whatever_its_case()
    {
        var output = new Request("POST", new Dictionary<string, object?> { ["title"] = "AP down" });

        OutputMembers.Get(output, "parsedContent").Should().BeSameAs(output.ParsedContent);
        OutputMembers.Get(output, "METHOD").Should().Be("POST");
        OutputMembers.Get(output, "missing").Should().BeNull();
        OutputMembers.Get(output.ParsedContent, "Title").Should().Be("AP down", "a map is searched without regard to case when the exact key is missing");
        OutputMembers.Get(null, "method").Should().BeNull();
    }

    private sealed record Request(string Method, IDictionary<string, object?> ParsedContent);
}
