using System.Text.Json;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Activities.Itil.Catalogue;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Activities.Tests.Engine;

public sealed class ItilTagRulesTests
{
    private static readonly ItilCatalogue Catalogue = ItilCatalogue.Default;

    private static ItilTagCheck Check(string[] chain, string[] practices, string[]? roles = null)
    {
        var workflow = FlowchartHarness.Compile(new FlowBuilder()
            .Activity("triage", "Elsa.WriteLine",
                (ItilTagInputs.ValueChain, Obj("String[]", JsonSerializer.Serialize(chain))),
                (ItilTagInputs.Practices, Obj("String[]", JsonSerializer.Serialize(practices))),
                (ItilTagInputs.Roles, Obj("String[]", JsonSerializer.Serialize(roles ?? ["service desk agent"]))))
            .Build());
        return ItilTagRules.Check(workflow, Catalogue);
    }

    [Fact]
    public void Catalogue_lists_the_chain_activities_with_the_stream_ends_the_34_practices_and_the_known_roles()
    {
        Catalogue.ChainActivities.Select(a => a.Id).Should().Equal(
            "demand", "plan", "improve", "engage", "design-and-transition", "obtain-build", "deliver-and-support", "value");
        Catalogue.ChainActivities.Should().OnlyContain(a => a.Name.Length > 0 && a.Description.Length > 0);
        Catalogue.ChainActivities.Where(a => a.IsStreamEnd).Select(a => a.Id).Should().Equal("demand", "value");
        Catalogue.Practices.Should().HaveCount(34);
        Catalogue.Practices.Select(p => p.Category.Id).Distinct().Should().BeEquivalentTo("general-management", "service-management", "technical-management");
        Catalogue.FindPractice("incident-management")!.HeatIn("deliver-and-support").Should().Be(3);
        Catalogue.FindPractice("release-management")!.HeatIn("deliver-and-support").Should().BeNull("the heat is not known");
        Catalogue.IsKnownRole("service desk agent").Should().BeTrue();
        Catalogue.IsKnownRole("warehouse manager").Should().BeTrue();
    }

    [Fact]
    public void Unknown_chain_activity_and_practice_are_errors_naming_the_node()
    {
        var check = Check(["engag"], ["incident-managment"]);

        check.Errors.Should().HaveCount(2);
        check.Errors.Should().OnlyContain(error => error.Message.Contains("'triage'", StringComparison.Ordinal));
        check.Errors.Select(error => error.Path).Should().BeEquivalentTo(
            $"root.activities[0].{ItilTagInputs.ValueChain}", $"root.activities[0].{ItilTagInputs.Practices}");
    }

    [Fact]
    public void Practice_with_zero_heat_in_every_tagged_chain_activity_is_a_warning_not_an_error()
    {
        var check = Check(["plan"], ["service-validation-and-testing"]);

        check.Errors.Should().BeEmpty();
        check.Warnings.Should().ContainSingle().Which.Message.Should().Contain("'triage'").And.Contain("service-validation-and-testing");
    }

    [Theory]
    [InlineData("plan", "deliver-and-support")] // 0 in plan, unknown (null) in deliver-and-support
    [InlineData("plan", "design-and-transition")] // 0 in plan, 3 in design-and-transition
    [InlineData("demand", null)] // the stream ends carry no heat
    public void Practice_that_may_contribute_somewhere_is_not_warned(string first, string? second)
    {
        var chain = second is null ? new[] { first } : [first, second];

        var check = Check(chain, ["service-validation-and-testing"]);

        check.Errors.Should().BeEmpty();
        check.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_role_is_allowed()
    {
        var check = Check(["engage"], ["service-desk"], ["night shift coordinator"]);

        check.Errors.Should().BeEmpty();
        check.Warnings.Should().BeEmpty();
    }
}
