using System.Dynamic;
using System.Text.Json;
using Itsm.Activities.Expressions;

namespace Itsm.Activities.Tests.Expressions;

/// <summary>Every converter between JSON, plain data and typed values refuses nesting past the bound with one clear message.</summary>
public sealed class ValueDepthTests
{
    private const string TooDeep = "value nested deeper than 64 levels";

    [Fact]
    public void Json_text_nested_past_the_bound_is_refused_by_PlainJson()
    {
        var act = () => PlainJson.Parse(Nested(200));

        act.Should().Throw<WorkflowValueException>().WithMessage(TooDeep);
    }

    [Fact]
    public void Json_at_the_bound_still_parses()
    {
        PlainJson.Parse(Nested(64)).Should().BeOfType<List<object?>>();
    }

    [Fact]
    public void Json_element_nested_past_the_bound_is_refused_by_PlainJson()
    {
        using var document = JsonDocument.Parse(Nested(100), new JsonDocumentOptions { MaxDepth = 1_000 });

        var act = () => PlainJson.ToPlain(document.RootElement);

        act.Should().Throw<WorkflowValueException>().WithMessage(TooDeep);
    }

    [Fact]
    public void Plain_data_nested_past_the_bound_is_refused_by_PlainData()
    {
        var act = () => PlainData.Normalize(NestedExpando(100));

        act.Should().Throw<WorkflowValueException>().WithMessage(TooDeep);
    }

    [Fact]
    public void Record_graph_nested_past_the_bound_is_refused_by_PlainData()
    {
        Node node = new(null);
        for (var i = 0; i < 100; i++) node = new Node(node);

        var act = () => PlainData.Normalize(node);

        act.Should().Throw<WorkflowValueException>().WithMessage(TooDeep);
    }

    [Fact]
    public void Nested_lists_past_the_bound_are_refused_by_ValueConverter_for_a_sequence_type()
    {
        object value = new List<object?>();
        for (var i = 0; i < 100; i++) value = new List<object?> { value };

        var toText = () => ValueConverter.Convert(value, typeof(string));
        var fromText = () => ValueConverter.Convert(Nested(100), typeof(List<object>));

        toText.Should().Throw<WorkflowValueException>().WithMessage(TooDeep);
        fromText.Should().Throw<WorkflowValueException>().WithMessage(TooDeep);
    }

    [Fact]
    public void Size_of_a_value_is_its_json_size_and_stops_counting_past_the_limit()
    {
        ValueSize.Of("abc", 1_000).Should().Be(5);
        ValueSize.Of(new List<object?> { 1L, "x" }, 1_000).Should().Be("[1,\"x\"]".Length);
        ValueSize.Of(Enumerable.Range(0, 100_000).Select(i => (object?)i).ToList(), 1_000).Should().BeGreaterThan(1_000);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static ExpandoObject NestedExpando(int depth)
    {
        var value = new ExpandoObject();
        for (var i = 0; i < depth; i++)
        {
            var outer = new ExpandoObject();
            ((IDictionary<string, object?>)outer)["a"] = value;
            value = outer;
        }
        return value;
    }

    private sealed class Node(Node? inner)
    {
        public Node? Inner { get; } = inner;
    }
}
