using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// What a journal row keeps of a step besides its outcome: the evaluated inputs (Elsa's <c>activityState</c>, by
/// input name) and the output (<c>outputs</c>, by declared output name), as one compact JSON object. Each value is
/// serialized once, straight into the row's text; a value over <see cref="EngineOptions.MaxJournalValueBytes"/> is
/// kept as the start of its JSON text, and values past <see cref="EngineOptions.MaxJournalDataBytes"/> are left
/// out, so a row stays small whatever a workflow handles. Only inputs the definition gives as expressions (variables,
/// scripts) are kept: a literal is in the definition already, and readers take it from there
/// (<see cref="CompiledNode.ConstantInputs"/>). Writing every literal cost the webhook bench about a tenth of its starts.
/// Activities marked <see cref="SensitiveDataAttribute"/> keep nothing, and an HTTP request is kept as its method and
/// path only (its headers may carry credentials).
/// <see cref="Of"/> is synchronous, so one instance per thread serves every burst (<see cref="ForThisThread"/>): its
/// buffers, once grown to the rows a host writes, are not allocated again for each start.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Utf8JsonWriter over an in-memory buffer holds no OS resource; the writers live as long as their thread.")]
internal sealed class JournalData
{
    private static readonly ConcurrentDictionary<Type, Func<object, object?>[]> Getters = new();

    [ThreadStatic]
    private static JournalData? t_cached;

    // Set while Of runs: a value's own serializer that journals a step on this thread (never seen) gets a fresh instance.
    private bool _busy;

    // One set of buffers per thread, reset for each row: a step pays for its row's text, not for buffers and writers.
    private readonly ArrayBufferWriter<byte> _row = new(512);
    private readonly ArrayBufferWriter<byte> _value = new(256);
    private readonly Utf8JsonWriter _rowWriter;
    private readonly Utf8JsonWriter _valueWriter;

    public JournalData()
    {
        _rowWriter = new Utf8JsonWriter(_row);
        _valueWriter = new Utf8JsonWriter(_value);
    }

    /// <summary>This thread's instance (a new one if the thread's is in use further up the stack).</summary>
    public static JournalData ForThisThread => t_cached is { _busy: false } cached ? cached : t_cached = new JournalData();

    /// <param name="inputs">The step's input record, when it bound one.</param>
    /// <param name="hasOutput">Whether the step completed (only a completed step has an output).</param>
    public string? Of(CompiledNode node, object? inputs, bool hasOutput, object? output, EngineOptions options)
    {
        if (node.IsSensitive || options.MaxJournalDataBytes <= 0) return null;
        var descriptor = node.Descriptor;
        var writeInputs = inputs is not null && node.HasEvaluatedInputs && descriptor.InputRecordType is { } recordType && recordType.IsInstanceOfType(inputs);
        var writeOutput = hasOutput && output is not null;
        if (!writeInputs && !writeOutput) return null;

        _busy = true;
        try
        {
            return Write(node, inputs, writeInputs, writeOutput ? output : null, options);
        }
        finally
        {
            _busy = false;
        }
    }

    private string Write(CompiledNode node, object? inputs, bool writeInputs, object? output, EngineOptions options)
    {
        var descriptor = node.Descriptor;
        _row.ResetWrittenCount();
        _rowWriter.Reset(_row);
        var writer = _rowWriter;
        writer.WriteStartObject();
        if (writeInputs)
        {
            writer.WriteStartObject(JournalDataKeys.Inputs);
            var getters = Getters.GetOrAdd(descriptor.InputRecordType!, _ => Build(descriptor));
            for (var i = 0; i < getters.Length; i++)
                if (node.IsEvaluated(i))
                    WriteValue(descriptor.Inputs[i].Name, getters[i](inputs!), options);
            writer.WriteEndObject();
        }
        if (output is not null)
        {
            writer.WriteStartObject(JournalDataKeys.Outputs);
            if (descriptor.Outputs.Count <= 1)
                WriteValue(descriptor.Outputs.Count == 1 ? descriptor.Outputs[0].Name : "output", output, options);
            else
                foreach (var declared in descriptor.Outputs)
                    WriteValue(declared.Name, OutputMembers.Get(output, declared.Name), options);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(_row.WrittenSpan);
    }

    private void WriteValue(string name, object? value, EngineOptions options)
    {
        var writer = _rowWriter;
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                return;
            case string text when text.Length <= options.MaxJournalValueBytes / 6:
                // Short text (the common input) goes straight in: even escaped char by char (\uXXXX) it is within the value cap.
                if (Fits(text.Length * 6 + 2, options)) writer.WriteString(name, text);
                return;
            case bool flag:
                writer.WriteBoolean(name, flag);
                return;
            case int number:
                writer.WriteNumber(name, number);
                return;
            case HttpRequestData request:
                writer.WriteString(name, $"{request.Method} /{request.Path.TrimStart('/')}");
                return;
        }

        _value.ResetWrittenCount();
        _valueWriter.Reset(_value);
        try
        {
            if (!PlainJsonWriter.TryWrite(_valueWriter, value))
            {
                _value.ResetWrittenCount();
                _valueWriter.Reset(_value);
                JsonSerializer.Serialize(_valueWriter, value, ElsaJson.Options);
            }
            _valueWriter.Flush();
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            _value.ResetWrittenCount();
            _valueWriter.Reset(_value);
            JsonSerializer.Serialize(_valueWriter, value.ToString() ?? value.GetType().Name);
            _valueWriter.Flush();
        }

        var json = _value.WrittenSpan;
        if (!Fits(Math.Min(json.Length, options.MaxJournalValueBytes), options))
            return; // The row is full: this value (and what follows) is not kept.
        if (json.Length <= options.MaxJournalValueBytes)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        else
            writer.WriteString(name, Start(json, options.MaxJournalValueBytes) + "…");
    }

    private bool Fits(int bytes, EngineOptions options) => _rowWriter.BytesPending + _row.WrittenCount + bytes <= options.MaxJournalDataBytes;

    /// <summary>The first <paramref name="maxBytes"/> of UTF-8 JSON text as a string, never cutting a character in two.</summary>
    private static string Start(ReadOnlySpan<byte> json, int maxBytes)
    {
        var end = Math.Max(0, maxBytes);
        while (end > 0 && (json[end] & 0xC0) == 0x80) end--;
        return Encoding.UTF8.GetString(json[..end]);
    }

    /// <summary>One compiled getter per input, in descriptor order (reflection once per input record type).</summary>
    private static Func<object, object?>[] Build(ActivityDescriptor descriptor)
    {
        var recordType = descriptor.InputRecordType!;
        return descriptor.Inputs.Select(input =>
        {
            var record = Expression.Parameter(typeof(object), "record");
            var property = Expression.Property(Expression.Convert(record, recordType), recordType.GetProperty(input.PropertyName)!);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(property, typeof(object)), record).Compile();
        }).ToArray();
    }
}
