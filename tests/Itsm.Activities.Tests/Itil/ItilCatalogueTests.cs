using System.Reflection;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;

namespace Itsm.Activities.Tests.Itil;

/// <summary>What every library activity declares: tags with known ids, descriptions, and JSON names that do not collide.</summary>
public sealed class ItilCatalogueTests
{
    private static readonly string[] ChainIds = ["plan", "improve", "engage", "design-and-transition", "obtain-build", "deliver-and-support", "demand", "value"];

    // The 34 practice ids of the practice catalogue.
    private static readonly string[] PracticeIds =
    [
        "architecture-management", "continual-improvement", "information-security-management", "knowledge-management",
        "measurement-and-reporting", "organizational-change-management", "portfolio-management", "project-management",
        "relationship-management", "risk-management", "service-financial-management", "strategy-management", "supplier-management",
        "workforce-and-talent-management", "availability-management", "business-analysis", "capacity-and-performance-management",
        "change-control", "incident-management", "it-asset-management", "monitoring-and-event-management", "problem-management",
        "release-management", "service-catalogue-management", "service-configuration-management", "service-continuity-management",
        "service-design", "service-desk", "service-level-management", "service-request-management", "service-validation-and-testing",
        "deployment-management", "infrastructure-and-platform-management", "software-development-and-management",
    ];

    public static TheoryData<string> LibraryTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in LibraryDescriptors()) data.Add(type.TypeName);
        return data;
    }

    private static IEnumerable<ActivityDescriptor> LibraryDescriptors() => new ItilHarness().Registry.Descriptors
        .Where(d => d.ActivityType.Namespace == typeof(LogIncident).Namespace);

    private static ActivityDescriptor Descriptor(string typeName) => LibraryDescriptors().Single(d => d.TypeName == typeName);

    [Fact]
    public void Library_holds_the_six_chain_steps_and_the_practice_actions()
    {
        LibraryDescriptors().Select(d => d.Name).Should().BeEquivalentTo(
            "Plan", "Improve", "Engage", "DesignAndTransition", "ObtainBuild", "DeliverAndSupport",
            "LogIncident", "EscalateIncident", "ResolveIncident", "CloseIncident", "LogProblem", "RaiseChange", "ImplementChange",
            "CloseChange", "ReadConfigurationItem", "UpdateConfigurationItem", "ConsumeSparePart", "NotifyStakeholder", "SendSurvey",
            "RegisterImprovement", "DeployRelease", "UpdateServiceCatalogue", "CheckSupplierContract", "RegisterServiceForReview");
        LibraryDescriptors().Should().OnlyContain(d => d.Namespace == "Itsm");
    }

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Activity_declares_default_tags_with_known_ids_and_a_description(string typeName)
    {
        var descriptor = Descriptor(typeName);
        var tags = descriptor.ActivityType.GetCustomAttribute<ItilTagsAttribute>();

        tags.Should().NotBeNull();
        tags!.ValueChain.Should().NotBeEmpty().And.OnlyContain(id => ChainIds.Contains(id));
        tags.Practices.Should().NotBeEmpty().And.OnlyContain(id => PracticeIds.Contains(id));
        tags.Roles.Should().NotBeEmpty().And.OnlyContain(role => string.Equals(role, role.ToLowerInvariant(), StringComparison.Ordinal));
        descriptor.Description.Should().NotBeNullOrWhiteSpace();
        descriptor.Inputs.Should().OnlyContain(input => !string.IsNullOrWhiteSpace(input.Description));
    }

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Inputs_outputs_and_tag_inputs_have_distinct_names_in_the_node_json(string typeName)
    {
        var descriptor = Descriptor(typeName);
        var names = descriptor.Inputs.Select(i => i.Name).Concat(descriptor.Outputs.Select(o => o.Name))
            .Concat([ItilTagInputs.ValueChain, ItilTagInputs.Practices, ItilTagInputs.Roles]).ToList();

        names.Should().OnlyHaveUniqueItems("an input and an output of the same name are one property of the node's JSON");
    }

    [Theory]
    [InlineData("Itsm.LogIncident", "impact", new[] { "Low", "Medium", "High" })]
    [InlineData("Itsm.LogIncident", "urgency", new[] { "Low", "Medium", "High" })]
    [InlineData("Itsm.RaiseChange", "changeType", new[] { "Standard", "Normal", "Emergency" })]
    [InlineData("Itsm.RaiseChange", "priority", new[] { "P1", "P2", "P3", "P4" })]
    [InlineData("Itsm.DeployRelease", "releaseMode", new[] { "Immediate", "FeatureFlag" })]
    [InlineData("Itsm.RegisterImprovement", "source", new[] { "Stream", "Survey", "Person" })]
    public void Choice_inputs_are_dropdowns_with_their_options(string typeName, string input, string[] options)
    {
        var descriptor = Descriptor(typeName).Inputs.Single(i => i.Name == input);

        descriptor.UIHint.Should().Be(UIHints.DropDown);
        descriptor.Options.Should().Equal(options);
    }
}
