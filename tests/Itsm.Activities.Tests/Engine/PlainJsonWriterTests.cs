using System.Dynamic;
using System.Text;
using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;

namespace Itsm.Activities.Tests.Engine;

public sealed class PlainJsonWriterTests
{
    [Fact]
    public void Plain_values_are_written_exactly_as_the_serializer_writes_them()
    {
        IDictionary<string, object?> details = new ExpandoObject();
        details["checks"] = 3;
        details["ratio"] = 0.25;
        details["big"] = 12345678901L;
        details["price"] = 9.90m;
        var value = new Dictionary<string, object?>
        {
            ["title"] = "Café \"north\" <aisle> \u2028",
            ["ok"] = true,
            ["none"] = null,
            ["details"] = details,
            ["tags"] = new List<object?> { "network", 2.0, new object?[] { false } },
        };

        Write(value).Should().Be(Serialize(value));
    }

    [Fact]
    public void Anything_but_plain_data_is_left_to_the_serializer()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);

        PlainJsonWriter.TryWrite(writer, new Dictionary<string, object?> { ["at"] = DateTimeOffset.UnixEpoch }).Should().BeFalse("a date is formatted by the serializer's options");
        PlainJsonWriter.TryWrite(writer, double.NaN).Should().BeFalse("NaN is not a JSON number");
    }

    private static string Write(object value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            PlainJsonWriter.TryWrite(writer, value).Should().BeTrue();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Serialize(object value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            JsonSerializer.Serialize(writer, value, ElsaJson.Options);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
