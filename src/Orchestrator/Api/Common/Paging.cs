namespace Itsm.Orchestrator.Api.Common;

/// <summary>
/// The one overflow rule for every list: the rows up to the end of the requested page, <c>(page + 1) × pageSize</c>
/// (or <c>skip + take</c>), must fit an <see cref="int"/> — stores compute offsets as int, and an overflowed offset is
/// negative (a 500, or the first page answered as page two billion). Returns the field at fault, or null.
/// </summary>
public static class Paging
{
    public static (string Field, string Message)? CheckPage(int? page, int? pageSize, int defaultPageSize)
    {
        if (page is null) return null;
        var end = ((long)page.Value + 1) * (pageSize ?? defaultPageSize);
        return end > int.MaxValue ? ("page", $"Page {page} of size {pageSize ?? defaultPageSize} is beyond the last row any list can have.") : null;
    }

    /// <summary>A plain <c>skip</c>/<c>take</c> window (the Itsm lists): not negative, take within 1..<paramref name="maxTake"/>, no overflow.</summary>
    public static (string Field, string Message)? CheckWindow(int skip, int take, int maxTake)
    {
        if (skip < 0) return ("skip", "skip must not be negative.");
        if (take < 1 || take > maxTake) return ("take", $"take must be between 1 and {maxTake}.");
        return CheckSkip(skip, take, take);
    }

    public static (string Field, string Message)? CheckSkip(int? skip, int? take, int defaultTake)
    {
        if (skip is null) return null;
        return (long)skip.Value + (take ?? defaultTake) > int.MaxValue ? ("skip", $"Skip {skip} is beyond the last row any list can have.") : null;
    }
}
