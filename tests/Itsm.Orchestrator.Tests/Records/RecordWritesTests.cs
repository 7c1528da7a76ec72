using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>Records an activity writes commit with its step, through the real host.</summary>
public sealed class RecordWritesTests
{
    private static ItsmAppFactory AppWithRecordingStep() => new()
    {
        TestServices = services => services.AddItsmActivities(a => a.AddActivity<RecordingStep>()),
    };

    private static string Flow(int succeedOnTry) => new FlowBuilder("log-incident")
        .Variable("Tries", "Int32", "0")
        .Activity("start", "Elsa.Start")
        .Activity("log", "Test.RecordingStep", ("recordId", Literal("String", "INC-7")), ("succeedOnTry", Literal("Int32", succeedOnTry.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        .Activity("confirm", "Elsa.Event", ("eventName", Literal("String", "confirmed")))
        .Chain("start", "log", "confirm")
        .ToJson();

    [Fact]
    public async Task Record_written_by_a_step_is_committed_with_it_and_readable_through_the_api()
    {
        await using var app = AppWithRecordingStep();
        await app.PublishAsync(Flow(succeedOnTry: 1));
        var started = await app.Runtime.StartAsync(new StartRequest("log-incident"), default);

        using var client = app.CreateClient();
        var record = await client.GetFromJsonAsync<JsonObject>("/api/records/test-record/INC-7");
        record!["version"]!.GetValue<long>().Should().Be(1);
        record["instanceId"]!.GetValue<string>().Should().Be(started.InstanceId);
        record["activityId"]!.GetValue<string>().Should().Be("log");
        record["data"]!["status"]!.GetValue<string>().Should().Be("logged");
        (await client.GetFromJsonAsync<JsonObject>("/api/records/test-record"))!["totalCount"]!.GetValue<long>().Should().Be(1);
        (await client.GetAsync("/api/records/test-record/INC-404")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retried_step_writes_its_record_exactly_once()
    {
        await using var app = AppWithRecordingStep();
        await app.PublishAsync(Flow(succeedOnTry: 2));
        var started = await app.Runtime.StartAsync(new StartRequest("log-incident"), default);
        started.State!.Status.Should().Be(InstanceStatus.Faulted);
        (await app.Store.FindRecordAsync(RecordingStep.RecordType, "INC-7", default)).Should().BeNull("the failed try wrote nothing");

        (await app.Runtime.RetryAsync(started.InstanceId!, default)).Outcome.Should().Be(CommandOutcome.Done);

        var record = await app.Store.FindRecordAsync(RecordingStep.RecordType, "INC-7", default);
        record!.Version.Should().Be(1, "written once, by the try that completed");
        record.DataJson.Should().Contain("\"writtenOnTry\":2");
        (await app.InstanceAsync(started.InstanceId!)).Record.Status.Should().Be(InstanceStatus.Suspended);
    }
}
