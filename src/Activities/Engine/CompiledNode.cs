using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>One activity of a compiled flowchart. Immutable and shared by every instance of the version.</summary>
public sealed class CompiledNode : ITriggerNode
{
    internal CompiledNode(int index, string id, string? name, ActivityDescriptor descriptor, Activity activity)
    {
        Index = index;
        Id = id;
        Name = name;
        Descriptor = descriptor;
        Activity = activity;
        IsSensitive = descriptor.ActivityType.IsDefined(typeof(SensitiveDataAttribute), inherit: false);
    }

    /// <summary>The type is <see cref="SensitiveDataAttribute"/>: its inputs and outputs are never journaled.</summary>
    internal bool IsSensitive { get; }

    public int Index { get; }
    public string Id { get; }
    public string? Name { get; }
    public string TypeName => Descriptor.TypeName;
    public ActivityDescriptor Descriptor { get; }
    public Activity Activity { get; }

    /// <summary>Input sources in descriptor order; null where the definition leaves an input unset.</summary>
    internal InputSource?[] Inputs
    {
        get => _inputs;
        set
        {
            _inputs = value;
            HasEvaluatedInputs = Array.Exists(value, source => source is not null and not ConstantSource);
        }
    }

    private InputSource?[] _inputs = [];

    /// <summary>Whether any input is an expression evaluated when the step runs (a variable or a script), not a literal.</summary>
    internal bool HasEvaluatedInputs { get; private set; }

    /// <summary>Whether input <paramref name="index"/> (descriptor order) is evaluated when the step runs.</summary>
    internal bool IsEvaluated(int index) => index < _inputs.Length && _inputs[index] is { } source && source is not ConstantSource;

    /// <summary>
    /// The inputs the definition gives as literals, by input name, already converted to their types (what the step
    /// receives for them on every run); empty for an activity marked <see cref="SensitiveDataAttribute"/>, whose
    /// values are never shown.
    /// </summary>
    public IEnumerable<KeyValuePair<string, object?>> ConstantInputs
    {
        get
        {
            if (IsSensitive) yield break;
            for (var i = 0; i < Descriptor.Inputs.Count && i < _inputs.Length; i++)
                if (_inputs[i] is ConstantSource constant)
                    yield return new(Descriptor.Inputs[i].Name, constant.Value);
        }
    }
    internal Func<ActivityContext, object>? Binder { get; set; }
    internal Port[] Ports { get; set; } = [];
    /// <summary>Distinct nodes with a connection into this one (a WaitAll join waits for all of them).</summary>
    internal int[] InboundSources { get; set; } = [];
    /// <summary>For joins: the nodes whose pending work a firing WaitAny join cancels (upstream, not downstream).</summary>
    internal bool[]? Upstream { get; set; }
    internal OutputBinding[] OutputBindings { get; set; } = [];
    public bool CanStartWorkflow { get; internal set; }
    /// <summary>ITIL tags (value-chain activities, practices, roles): the node's own, else its type's defaults.</summary>
    public NodeTags Tags { get; internal set; } = NodeTags.None;
    /// <summary>The tags as normalized JSON (<see cref="NodeTags.Json"/>), journaled with each execution; null when untagged.</summary>
    public string? TagsJson => Tags.Json;

    /// <summary>The value of an input when the definition gives it as a literal (used to index triggers).</summary>
    public bool TryGetConstantInput(string name, out object? value)
    {
        for (var i = 0; i < Descriptor.Inputs.Count; i++)
        {
            if (!string.Equals(Descriptor.Inputs[i].Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            if (Inputs[i] is ConstantSource constant)
            {
                value = constant.Value;
                return true;
            }
            break;
        }
        value = null;
        return false;
    }

    public IEnumerable<string> ConnectedPorts => Ports.Select(port => port.Name);

    public override string ToString() => $"{TypeName} '{Name ?? Id}'";
}

/// <summary>An outcome port and the nodes its connections lead to.</summary>
internal sealed record Port(string Name, int[] Targets);

/// <summary>An activity output written into a workflow variable when the activity completes.</summary>
internal sealed record OutputBinding(string OutputName, CompiledVariable Variable, bool IsSoleOutput);
