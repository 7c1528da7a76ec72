namespace Itsm.Orchestrator.Records;

/// <summary><c>Itsm:Records</c>.</summary>
public sealed class RecordsOptions
{
    public const string SectionName = "Itsm:Records";

    /// <summary>Seed the demo estate (a few services, CIs and spare parts) on first start.</summary>
    public bool SeedDemoEstate { get; set; } = true;
}
