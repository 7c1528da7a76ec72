using System.Buffers;
using System.Text;
using System.Text.Json;
using Itsm.Activities.Definitions;

namespace Itsm.Activities.Expressions;

/// <summary>
/// How many bytes a value takes in the instance's JSON column. Containers are serialized into a counter that
/// keeps no bytes and gives up as soon as the count passes the limit, so measuring a huge value stays cheap.
/// </summary>
public static class ValueSize
{
    /// <summary>The value's UTF-8 JSON size, or some number above <paramref name="limit"/> once it is known to be larger.</summary>
    public static long Of(object? value, long limit)
    {
        switch (value)
        {
            case null: return 4;
            case bool: return 5;
            case string text: return text.Length > limit ? text.Length : Encoding.UTF8.GetByteCount(text) + 2;
            case IConvertible or DateTimeOffset or TimeSpan or Guid or DateOnly or TimeOnly: return 40;
        }
        ValueDepth.Check(value);
        var counter = new Counter(limit);
        try
        {
            using var writer = new Utf8JsonWriter(counter, new JsonWriterOptions { Encoder = ElsaJson.Options.Encoder, SkipValidation = true });
            JsonSerializer.Serialize(writer, value, ElsaJson.Options);
            writer.Flush();
        }
        catch (LimitReachedException)
        {
            return limit + 1;
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw ValueDepth.TooDeep();
        }
        return counter.Count;
    }

    private sealed class LimitReachedException : Exception;

    /// <summary>An <see cref="IBufferWriter{T}"/> that only counts, reusing one scratch buffer.</summary>
    private sealed class Counter(long limit) : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public long Count { get; private set; }

        public void Advance(int count)
        {
            Count += count;
            if (Count > limit) throw new LimitReachedException();
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length) _scratch = new byte[sizeHint];
            return _scratch;
        }
    }
}
