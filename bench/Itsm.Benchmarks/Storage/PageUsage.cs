namespace Itsm.Benchmarks.Storage;

/// <summary>One table or index as <c>dbstat</c> sees it: b-tree pages, their bytes, and the record payload in them.</summary>
public sealed record PageUsage(string Name, long Pages, long Bytes, long PayloadBytes);
