using System.Reflection;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// The real store, except that its next <see cref="Conflicts"/> commits are refused as revision conflicts without
/// writing — what a caller sees when another caller or node committed the same instance first.
/// </summary>
public class ConflictingStore : DispatchProxy
{
    private IWorkflowStore _inner = null!;
    private int _conflicts;
    private int _commits;

    public int Conflicts
    {
        get => Volatile.Read(ref _conflicts);
        set => Volatile.Write(ref _conflicts, value);
    }

    public int Commits => Volatile.Read(ref _commits);

    public static (IWorkflowStore Store, ConflictingStore Control) Wrap(IWorkflowStore inner)
    {
        var store = Create<IWorkflowStore, ConflictingStore>();
        var control = (ConflictingStore)(object)store;
        control._inner = inner;
        return (store, control);
    }

    /// <summary>Replaces the provider's <see cref="IWorkflowStore"/> registration with a wrapper around it.</summary>
    public static void Decorate(IServiceCollection services, Action<ConflictingStore> created)
    {
        var registration = services.Last(d => d.ServiceType == typeof(IWorkflowStore));
        services.Remove(registration);
        services.AddSingleton(provider =>
        {
            var inner = (IWorkflowStore)(registration.ImplementationInstance
                ?? registration.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!));
            var (store, control) = Wrap(inner);
            created(control);
            return store;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IWorkflowStore.CommitAsync))
        {
            Interlocked.Increment(ref _commits);
            if (Interlocked.Decrement(ref _conflicts) >= 0)
            {
                var writes = (IReadOnlyList<InstanceWrite>)args![0]!;
                return Task.FromException(new ConcurrencyConflictException(writes[0].Instance.Id));
            }
            Interlocked.Exchange(ref _conflicts, 0);
        }
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
