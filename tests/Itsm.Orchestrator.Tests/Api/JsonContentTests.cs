using System.Text;
using System.Text.Json;
using Itsm.Orchestrator.Api.Common;

namespace Itsm.Orchestrator.Tests.Api;

public sealed class JsonContentTests
{
    [Fact]
    public void Well_formed_text_and_numbers_have_no_problem()
    {
        Find("""{"title":"Café \u00e9 \"quoted\"","tags":["a",1,2.5e3],"nested":{"deep":[{"x":null,"ok":true}]}}""").Should().BeNull();
    }

    [Fact]
    public void Invalid_utf8_in_a_nested_value_is_named_by_its_path()
    {
        var problem = Find(Bytes("""{"a":{"b":["ok","x"""), [0xFF, 0xFE], Bytes("\"]}}"));

        problem.Should().NotBeNull();
        problem!.Value.Path.Should().Be("$.a.b[1]");
        problem.Value.Message.Should().Be("'$.a.b[1]' is not valid Unicode text (a lone surrogate or invalid UTF-8).");
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_a_value_or_a_name_and_a_number_out_of_range_are_refused()
    {
        Find("""{"list":[1,"\ud800"]}""")!.Value.Path.Should().Be("$.list[1]");
        var name = Find("""{"outer":{"\udc00x":1}}""");
        name!.Value.Path.Should().Be("$.outer");
        name.Value.Message.Should().Be("A property name in '$.outer' is not valid Unicode text.");
        Find("""{"n":[1e999]}""")!.Value.Message.Should().Be("'$.n[0]' is a number out of range.");
    }

    private static (string Path, string Message)? Find(string json) => Find(Encoding.UTF8.GetBytes(json));

    private static (string Path, string Message)? Find(params byte[][] parts)
    {
        using var document = JsonDocument.Parse(parts.SelectMany(p => p).ToArray());
        return JsonContent.FindProblem(document.RootElement);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
