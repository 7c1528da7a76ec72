namespace Itsm.Benchmarks.PostgreSql;

/// <summary>The timer-lateness flow: <c>HttpEndpoint → Delay (5 s) → End</c>; lateness is read from the journal afterwards.</summary>
internal static class TimerBenchWorkflow
{
    public const string Path = "bench/timers";
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    public const string Json = """
    {
      "definitionId": "timer-bench", "name": "Timer bench", "version": 1,
      "root": {
        "id": "root", "type": "Elsa.Flowchart", "version": 1,
        "activities": [
          { "id": "receive", "type": "Elsa.HttpEndpoint", "version": 1,
            "path": { "typeName": "String", "expression": { "type": "Literal", "value": "bench/timers" } },
            "supportedMethods": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"POST\"]" } },
            "customProperties": { "canStartWorkflow": true } },
          { "id": "wait", "type": "Elsa.Delay", "version": 1,
            "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:05" } } }
        ],
        "connections": [
          { "source": { "activity": "receive", "port": "Done" }, "target": { "activity": "wait", "port": "In" } }
        ]
      }
    }
    """;
}
