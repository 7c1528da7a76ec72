using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Elsa's <c>variables</c> object: one accessor per declared variable. Assigning a name the workflow does not
/// declare is refused (Elsa does not create variables on the fly), where a plain object would silently keep it.
/// </summary>
internal sealed class VariablesObject(Jint.Engine engine) : ObjectInstance(engine)
{
    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc)
    {
        if (GetOwnProperty(property) == PropertyDescriptor.Undefined)
            throw new WorkflowValueException($"variable '{property}' is not declared by the workflow");
        return base.DefineOwnProperty(property, desc);
    }
}
