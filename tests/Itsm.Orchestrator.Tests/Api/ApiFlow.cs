using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>The small flows the API tests save, run and inspect, built with the shared <see cref="FlowBuilder"/>.</summary>
public static class ApiFlow
{
    /// <summary>A start, one variable set to 1, a line written, an end.</summary>
    public static FlowBuilder Counter(string definitionId = "counter") => new FlowBuilder(definitionId, "Counter")
        .Variable("Count", "Int32", "0")
        .Activity("start", "Elsa.Start")
        .Activity("set", "Elsa.SetVariable", ("variable", VariableRef("Count", "Int32")), ("value", Literal("Object", "1")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "counted")))
        .Activity("end", "Elsa.End")
        .Chain("start", "set", "log", "end");

    /// <summary>Waits in a role's inbox for a priority-2 task to be completed, then ends.</summary>
    public static FlowBuilder Task(string definitionId = "triage") => new FlowBuilder(definitionId, "Triage")
        .Activity("start", "Elsa.Start")
        .Activity("triage", "Elsa.RunTask", ("taskName", Literal("String", "Triage")), ("role", Literal("String", "agent")),
            ("title", Literal("String", "Triage the incident")), ("priority", Literal("Int32", "2")))
        .Activity("end", "Elsa.End")
        .Chain("start", "triage", "end");

    /// <summary>Waits for the event <paramref name="eventName"/>, then ends.</summary>
    public static FlowBuilder WaitsFor(string eventName, string definitionId = "approval") => new FlowBuilder(definitionId, "Approval")
        .Activity("start", "Elsa.Start")
        .Activity("wait", "Elsa.Event", ("eventName", Literal("String", eventName)))
        .Activity("end", "Elsa.End")
        .Chain("start", "wait", "end");

    /// <summary>Started by <c>POST /workflows/{path}</c>; writes no response of its own.</summary>
    public static FlowBuilder Webhook(string path, string definitionId = "intake") => new FlowBuilder(definitionId, "Intake")
        .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", path)), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "received")))
        .Chain("hook", "log")
        .Trigger("hook");

    /// <summary>Faults at its second step.</summary>
    public static FlowBuilder Faulting(string definitionId = "broken") => new FlowBuilder(definitionId, "Broken")
        .Activity("start", "Elsa.Start")
        .Activity("fail", "Elsa.Fault", ("message", Literal("String", "boom")))
        .Chain("start", "fail");
}
