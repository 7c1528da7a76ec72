using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Records the deployment of a release under its change: the version goes onto the change (and onto the configuration
/// item it runs on). With <see cref="ReleaseMode.FeatureFlag"/> the new version is deployed dark: it is in place but
/// its feature flag stays off until the release decision, so deploying and releasing stay separate steps.
/// </summary>
[Activity("Itsm", "DeployRelease", DisplayName = "Deploy release",
    Description = "Records a release's deployment on its change and configuration item, optionally dark behind a feature flag.")]
[Outcomes(Deployed)]
[Output("deployedAt", typeof(DateTimeOffset), Description = "When the deployment was recorded.")]
[Output("released", typeof(bool), Description = "False when deployed dark behind a feature flag.")]
[ItilTags(ValueChain = ["design-and-transition", "obtain-build"], Practices = ["deployment-management", "release-management"], Roles = ["release manager"])]
public sealed class DeployRelease(IRecordReader reader) : Activity<DeployRelease.Inputs>
{
    public const string Deployed = "Deployed";

    public sealed class Inputs
    {
        [Input(Description = "The release's version, e.g. 4.2.0.")]
        public string? ReleaseVersion { get; set; }

        [Input(Description = "Where it is deployed, e.g. production.")]
        public string Environment { get; set; } = "production";

        [Input(Description = "Immediate: users get it at once. FeatureFlag: deployed dark behind the flag below.")]
        public ReleaseMode ReleaseMode { get; set; } = ReleaseMode.Immediate;

        [Input(Description = "The feature flag that releases it (FeatureFlag mode).")]
        public string? FeatureFlag { get; set; }

        [Input(Description = "The record id of the change the deployment belongs to, if any.")]
        public string? ChangeId { get; set; }

        [Input(Description = "The record id of the configuration item that gets the new version, if any.")]
        public string? ConfigurationItemId { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.ReleaseVersion)) return Fail("A deployment needs the release version.", retryable: false);
        var flagged = input.ReleaseMode == ReleaseMode.FeatureFlag;
        if (flagged && string.IsNullOrWhiteSpace(input.FeatureFlag)) return Fail("A feature-flag release needs the flag's name.", retryable: false);
        var deployment = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["version"] = input.ReleaseVersion.Trim(),
            ["environment"] = input.Environment,
            ["releaseMode"] = ItilRecords.Kebab(input.ReleaseMode),
            ["featureFlag"] = flagged ? input.FeatureFlag!.Trim() : null,
            ["featureFlagOn"] = flagged ? false : null,
            ["deployedAt"] = ItilRecords.Timestamp(context),
            ["instanceId"] = context.InstanceId,
        };

        if (!string.IsNullOrWhiteSpace(input.ChangeId))
        {
            var change = await ItilRecords.FindAsync(context, reader, RecordTypes.Change, input.ChangeId, cancellationToken);
            if (change is null) return ItilRecords.Missing(RecordTypes.Change, input.ChangeId);
            change["deployment"] = deployment;
            ItilRecords.Write(context, RecordTypes.Change, input.ChangeId, change);
        }
        if (!string.IsNullOrWhiteSpace(input.ConfigurationItemId))
        {
            var item = await ItilRecords.FindAsync(context, reader, RecordTypes.ConfigurationItem, input.ConfigurationItemId, cancellationToken);
            if (item is null) return ItilRecords.Missing(RecordTypes.ConfigurationItem, input.ConfigurationItemId);
            item["version"] = deployment["version"];
            item["featureFlag"] = deployment["featureFlag"];
            ItilRecords.Link(item, RecordTypes.Change, input.ChangeId, "changed-by");
            ItilRecords.Write(context, RecordTypes.ConfigurationItem, input.ConfigurationItemId, item);
        }
        return Outcome(Deployed, new Dictionary<string, object?> { ["deployedAt"] = context.Now, ["released"] = !flagged });
    }
}
