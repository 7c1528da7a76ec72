namespace Itsm.Benchmarks.Engine;

/// <summary>The calibration loop of <see cref="EngineStepMeasurement"/>: what one trivial operation costs on this machine, now.</summary>
/// <param name="Operation">What one iteration does.</param>
/// <param name="Operations">Iterations in the measured window.</param>
/// <param name="Elapsed">Length of the measured window.</param>
/// <param name="AllocatedBytes">Bytes allocated on the measuring thread during the window.</param>
public sealed record ReferenceResult(string Operation, long Operations, TimeSpan Elapsed, long AllocatedBytes)
{
    public double NanosecondsPerOperation => Operations > 0 ? Elapsed.TotalNanoseconds / Operations : 0;

    public double BytesPerOperation => Operations > 0 ? (double)AllocatedBytes / Operations : 0;
}
