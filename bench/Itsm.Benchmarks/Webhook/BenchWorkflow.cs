namespace Itsm.Benchmarks.Webhook;

/// <summary>
/// The flow the webhook bench starts: <c>HttpEndpoint → SetVariable → Event</c>. Each start runs three
/// activities, suspends on an event bookmark and commits before the 202 is sent.
/// </summary>
internal static class BenchWorkflow
{
    public const string Path = "bench/incidents";

    public const string Json = """
    {
      "definitionId": "webhook-bench", "name": "Webhook bench", "version": 1,
      "variables": [ { "id": "ticket", "name": "Ticket", "typeName": "String" } ],
      "root": {
        "id": "root", "type": "Elsa.Flowchart", "version": 1,
        "activities": [
          { "id": "receive", "type": "Elsa.HttpEndpoint", "version": 1,
            "path": { "typeName": "String", "expression": { "type": "Literal", "value": "bench/incidents" } },
            "supportedMethods": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"POST\"]" } },
            "customProperties": { "canStartWorkflow": true } },
          { "id": "log", "type": "Elsa.SetVariable", "version": 1,
            "variable": { "id": "ticket", "name": "Ticket", "typeName": "String" },
            "value": { "typeName": "Object", "expression": { "type": "Literal", "value": "logged" } } },
          { "id": "wait", "type": "Elsa.Event", "version": 1,
            "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "resolved" } } }
        ],
        "connections": [
          { "source": { "activity": "receive", "port": "Done" }, "target": { "activity": "log", "port": "In" } },
          { "source": { "activity": "log", "port": "Done" }, "target": { "activity": "wait", "port": "In" } }
        ]
      }
    }
    """;

    /// <summary>A realistic monitoring alert, under 1 KB; <c>{{seq}}</c> makes every body unique.</summary>
    public const string Body = """
    {"source":"monitoring","alertId":"ALERT-{{seq}}","title":"Access point AP-17 unreachable","site":"Warehouse 3","severity":"major","ci":"ap-17.wh3","detectedAt":"2026-11-23T09:00:00Z","details":{"checks":3,"lastSeen":"2026-11-23T08:58:12Z","vlan":42}}
    """;
}
