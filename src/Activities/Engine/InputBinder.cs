using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// Builds, once per input record type, a compiled delegate that creates the record and assigns each input
/// the definition sets (inputs left unset keep the record's own defaults). Reflection happens here only.
/// </summary>
internal static class InputBinder
{
    private static readonly ConcurrentDictionary<Type, Func<ActivityContext, object>> Cache = new();
    private static readonly MethodInfo HasInput = typeof(ActivityContext).GetMethod(nameof(ActivityContext.HasInput), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo EvaluateInput = typeof(ActivityContext).GetMethod(nameof(ActivityContext.EvaluateInput), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo ConvertTo = typeof(ValueConverter).GetMethod(nameof(ValueConverter.To))!;

    public static Func<ActivityContext, object> For(ActivityDescriptor descriptor)
        => Cache.GetOrAdd(descriptor.InputRecordType!, _ => Build(descriptor));

    private static Func<ActivityContext, object> Build(ActivityDescriptor descriptor)
    {
        var recordType = descriptor.InputRecordType!;
        var context = Expression.Parameter(typeof(ActivityContext), "context");
        var record = Expression.Variable(recordType, "record");
        var body = new List<Expression> { Expression.Assign(record, Expression.New(recordType)) };
        foreach (var input in descriptor.Inputs)
        {
            var property = recordType.GetProperty(input.PropertyName)!;
            var slot = Expression.Constant(input.Order);
            var value = Expression.Call(ConvertTo.MakeGenericMethod(property.PropertyType), Expression.Call(context, EvaluateInput, slot));
            body.Add(Expression.IfThen(
                Expression.Call(context, HasInput, slot),
                Expression.Assign(Expression.Property(record, property), value)));
        }
        body.Add(Expression.Convert(record, typeof(object)));
        return Expression.Lambda<Func<ActivityContext, object>>(Expression.Block([record], body), context).Compile();
    }
}
