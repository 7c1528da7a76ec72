using System.Net;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>Everything Studio's editor loads before it renders answers a well-formed Elsa list.</summary>
public sealed class DescriptorsApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Activity_descriptors_include_SetVariable_with_its_inputs_in_elsas_shape()
    {
        var list = await (await _host.Client.GetAsync("/elsa/api/descriptors/activities?Refresh=True")).ReadNodeAsync();

        list["count"]!.GetValue<int>().Should().Be(list["items"]!.AsArray().Count);
        var setVariable = list["items"]!.AsArray().Single(item => item!["typeName"]!.GetValue<string>() == "Elsa.SetVariable")!;
        setVariable["namespace"]!.GetValue<string>().Should().Be("Elsa");
        setVariable["version"]!.GetValue<int>().Should().Be(1);
        setVariable["kind"]!.GetValue<string>().Should().Be("Action");
        setVariable["ports"]!.AsArray().Select(port => port!["name"]!.GetValue<string>()).Should().Contain("Done");
        setVariable["ports"]![0]!["type"]!.GetValue<string>().Should().Be("Flow");

        var inputs = setVariable["inputs"]!.AsArray();
        var variable = inputs.Single(input => input!["name"]!.GetValue<string>() == "Variable")!;
        variable["uiHint"]!.GetValue<string>().Should().Be("variable-picker");
        variable["isWrapped"]!.GetValue<bool>().Should().BeFalse();
        var value = inputs.Single(input => input!["name"]!.GetValue<string>() == "Value")!;
        value["typeName"]!.GetValue<string>().Should().Be("Object");
        value["isWrapped"]!.GetValue<bool>().Should().BeTrue();
        value["isBrowsable"]!.GetValue<bool>().Should().BeTrue();
        value["isSynthetic"]!.GetValue<bool>().Should().BeFalse();

        list["items"]!.AsArray().Should().Contain(item => item!["typeName"]!.GetValue<string>() == "Elsa.Flowchart");
    }

    [Fact]
    public async Task Expression_descriptors_are_the_four_languages_itsm_evaluates()
    {
        var list = await (await _host.Client.GetAsync("/elsa/api/descriptors/expression-descriptors")).ReadNodeAsync();

        list["items"]!.AsArray().Select(item => item!["type"]!.GetValue<string>())
            .Should().BeEquivalentTo("Literal", "JavaScript", "Object", "Variable");
    }

    [Theory]
    [InlineData("/elsa/api/descriptors/variables")]
    [InlineData("/elsa/api/descriptors/storage-drivers")]
    [InlineData("/elsa/api/descriptors/workflow-activation-strategies")]
    [InlineData("/elsa/api/descriptors/log-persistence-strategies")]
    [InlineData("/elsa/api/descriptors/incident-strategies")]
    [InlineData("/elsa/api/descriptors/commit-strategies/workflows")]
    [InlineData("/elsa/api/descriptors/commit-strategies/activities")]
    [InlineData("/elsa/api/features/installed")]
    public async Task Every_route_the_editor_calls_on_open_answers_an_elsa_list(string route)
    {
        var response = await _host.Client.GetAsync(route);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var list = await response.ReadNodeAsync();
        list["items"]!.AsArray().Count.Should().Be(list["count"]!.GetValue<int>());
    }
}
