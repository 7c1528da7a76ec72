namespace Itsm.Activities.Model;

/// <summary>
/// An activity with typed inputs: the engine evaluates each input expression of the definition (literal,
/// JavaScript, variable) and binds the <typeparamref name="TInputs"/> record by property name, so activity
/// code never sees expressions. Properties marked <see cref="InputAttribute"/> are the designer's inputs.
/// </summary>
public abstract class Activity<TInputs> : Activity where TInputs : class, new()
{
    public sealed override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        => ExecuteAsync(context, context.BindInputs<TInputs>(), cancellationToken);

    public sealed override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, CancellationToken cancellationToken)
        => ResumeAsync(context, context.BindInputs<TInputs>(), cancellationToken);

    protected abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, TInputs input, CancellationToken cancellationToken);

    protected virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, TInputs input, CancellationToken cancellationToken)
        => new(Done(context.ResumeInput));
}
