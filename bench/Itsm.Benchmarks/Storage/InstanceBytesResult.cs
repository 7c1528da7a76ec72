namespace Itsm.Benchmarks.Storage;

/// <summary>Footprint of <see cref="Instances"/> suspended instances in one Itsm database, against an empty one.</summary>
/// <param name="EmptyDatabaseBytes">An initialized (migrated) database with no rows, after a TRUNCATE checkpoint.</param>
/// <param name="DatabaseBytes">The same after the run and a TRUNCATE checkpoint.</param>
/// <param name="Pages">Per table and index, or null when this SQLite build has no <c>dbstat</c>.</param>
public sealed record InstanceBytesResult(
    long Instances,
    long EmptyDatabaseBytes,
    long DatabaseBytes,
    long PageSize,
    long FreePages,
    TableFootprint InstanceTable,
    TableFootprint BookmarkTable,
    TableFootprint JournalTable,
    SampleInstance Sample,
    IReadOnlyList<PageUsage>? Pages)
{
    public double BytesPerInstance => Instances > 0 ? (double)(DatabaseBytes - EmptyDatabaseBytes) / Instances : 0;

    /// <summary>Text bytes of all rows one instance owns: the part that does not depend on page fill or indexes.</summary>
    public double RowTextBytesPerInstance =>
        InstanceTable.TextBytesPer(Instances) + BookmarkTable.TextBytesPer(Instances) + JournalTable.TextBytesPer(Instances);
}
