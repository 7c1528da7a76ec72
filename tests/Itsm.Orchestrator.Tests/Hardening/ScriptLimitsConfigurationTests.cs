using Itsm.Activities.Engine;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Hardening;

/// <summary>The engine's caps and script limits come from <c>Itsm:Engine</c> and <c>Itsm:Scripts</c>, and a cap faults through the real runtime.</summary>
public sealed class ScriptLimitsConfigurationTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _app = new()
    {
        Settings =
        {
            ["Itsm:Engine:MaxVariableBytes"] = "2048",
            ["Itsm:Engine:MaxCorrelationIdLength"] = "40",
            ["Itsm:Scripts:MaxConcurrency"] = "1",
            ["Itsm:Scripts:Timeout"] = "00:00:05",
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Configured_limits_reach_the_engine()
    {
        var options = _app.Services.GetRequiredService<WorkflowExecutor>().Options;

        options.MaxVariableBytes.Should().Be(2048);
        options.MaxCorrelationIdLength.Should().Be(40);
        options.MaxStateBytes.Should().Be(2 * 1024 * 1024, "unset limits keep their defaults");
        options.Scripts.MaxConcurrency.Should().Be(1);
        options.Scripts.Timeout.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Variable_past_the_configured_cap_faults_the_instance_with_a_stored_readable_fault()
    {
        await _app.PublishAsync(new FlowBuilder("big-value")
            .Variable("Notes", "String")
            .Activity("write", "Elsa.SetVariable", ("variable", VariableRef("Notes")), ("value", Js("Object", "'n'.repeat(3000)")))
            .ToJson());

        var started = await _app.Runtime.StartAsync(new StartRequest("big-value"), default);

        started.State!.Status.Should().Be(Itsm.Activities.Model.InstanceStatus.Faulted);
        var fault = (await _app.Queries.ListFaultsAsync(started.InstanceId!, includeResolved: false, default)).Should().ContainSingle().Subject;
        fault.Message.Should().Be("Variable 'Notes' exceeds 2 KB (the limit of one value)");
        fault.ExceptionType.Should().Be(FaultKinds.Limit);
    }

    [Fact]
    public async Task Value_depth_above_the_storage_bound_is_refused_at_start()
    {
        await using var app = new ItsmAppFactory { Settings = { ["Itsm:Scripts:MaxValueDepth"] = "500" } };

        var start = () => app.Services;

        start.Should().Throw<OptionsValidationException>().WithMessage("*MaxValueDepth*");
    }
}
