namespace Itsm.Activities.Model;

/// <summary>
/// What an activity execution returned: it completed through one or more outcome ports, it waits on a
/// bookmark, or it failed. Activities return results instead of mutating engine state, so each one is a
/// testable function and control flow stays in one loop.
/// </summary>
public abstract record ActivityResult
{
    private protected ActivityResult() { }

    /// <summary>Completed through <c>Done</c> with no output: shared, so the common step allocates nothing.</summary>
    public static readonly Completed DoneResult = new([Outcomes.Done], null);

    public static Completed Done(object? output = null)
        => output is null ? DoneResult : new Completed([Outcomes.Done], output);

    public static Completed Outcome(string outcome, object? output = null) => new([outcome], output);

    public static Completed OutcomesOf(IReadOnlyList<string> outcomes, object? output = null) => new(outcomes, output);

    public static Suspended Suspend(BookmarkRequest bookmark) => new(bookmark);

    public static Failed Fail(string message, bool retryable = true) => new(message, retryable, null);
}

public sealed record Completed(IReadOnlyList<string> Outcomes, object? Output) : ActivityResult;

public sealed record Suspended(BookmarkRequest Bookmark) : ActivityResult;

/// <summary>A known failure (an unexpected exception is turned into one by the engine).</summary>
public sealed record Failed(string Message, bool Retryable, string? ExceptionType) : ActivityResult;
