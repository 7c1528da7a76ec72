namespace Itsm.Activities.Ports;

/// <summary>
/// An outbound call that produced no usable response: the destination was refused (not retryable), the response
/// was too large, the call timed out or the connection failed. <c>Elsa.SendHttpRequest</c> faults the step with
/// <see cref="Exception.Message"/>; <see cref="Retryable"/> says whether retrying the instance can help.
/// </summary>
public sealed class HttpCallException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}
