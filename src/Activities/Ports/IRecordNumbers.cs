namespace Itsm.Activities.Ports;

/// <summary>
/// Hands out human record numbers (<c>INC0001042</c>, <c>CHG0000007</c>…), one sequence per record type, from the
/// host's database. A number is taken when the step runs, before its commit: a step that faults or a host that
/// dies before the commit leaves a gap, never a duplicate (as a database sequence does). Record ids stay the
/// activity's own deterministic choice, so a retried step overwrites its record instead of writing a second one.
/// </summary>
public interface IRecordNumbers
{
    /// <summary>The next number of <paramref name="recordType"/> (see <see cref="Itil.RecordTypes"/>), formatted with its prefix.</summary>
    ValueTask<string> NextAsync(string recordType, CancellationToken cancellationToken);
}
