namespace Itsm.Benchmarks.Storage;

/// <summary>The stored rows of one suspended instance, byte by byte (text columns only; see <see cref="DatabaseFile.TextBytesExpression"/>).</summary>
/// <param name="StateJson">The state column itself, for <c>--show-sample</c>.</param>
public sealed record SampleInstance(
    string InstanceId,
    long InstanceRowTextBytes,
    long StateJsonBytes,
    long BookmarkRows,
    long BookmarkRowTextBytes,
    long BookmarkPayloadBytes,
    long JournalRows,
    long JournalRowTextBytes,
    string StateJson);
