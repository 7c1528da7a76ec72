using Itsm.Activities.Ports;

namespace Itsm.Activities.Tests.Support;

/// <summary>The ports built-in activities need, as fakes: the engine harness has no container.</summary>
public sealed class TestPorts : IServiceProvider
{
    public static readonly TestPorts Default = new();

    public RecordingHttpSender Http { get; init; } = new();

    /// <summary>The record store and number sequence of the ITIL activities.</summary>
    public InMemoryRecords Records { get; init; } = new();

    public object? GetService(Type serviceType)
        => serviceType == typeof(IHttpRequestSender) ? Http
            : serviceType == typeof(IRecordReader) || serviceType == typeof(IRecordNumbers) ? Records
            : null;
}

/// <summary>Answers every call with <see cref="Response"/> (or throws <see cref="Failure"/>) and keeps the requests.</summary>
public sealed class RecordingHttpSender : IHttpRequestSender
{
    public List<HttpCallRequest> Requests { get; } = [];
    public HttpCallResponse Response { get; set; } = new(200, null, null, new Dictionary<string, string>());
    public HttpCallException? Failure { get; set; }

    public Task<HttpCallResponse> SendAsync(HttpCallRequest request, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add(request);
        return Failure is null ? Task.FromResult(Response) : Task.FromException<HttpCallResponse>(Failure);
    }
}
