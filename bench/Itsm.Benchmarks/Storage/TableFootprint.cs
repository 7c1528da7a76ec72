namespace Itsm.Benchmarks.Storage;

/// <summary>What one table holds after the run: its rows and the bytes of their text columns (UTF-8, as stored).</summary>
public sealed record TableFootprint(string Table, long Rows, long TextBytes)
{
    public double RowsPer(long instances) => instances > 0 ? (double)Rows / instances : 0;

    public double TextBytesPer(long instances) => instances > 0 ? (double)TextBytes / instances : 0;
}
