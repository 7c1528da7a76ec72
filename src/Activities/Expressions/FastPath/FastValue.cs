namespace Itsm.Activities.Expressions.FastPath;

/// <summary>
/// The two markers of the fast evaluator's value space besides plain data: JavaScript's <c>undefined</c> (distinct
/// from <c>null</c> for <c>===</c>, templates and <c>+</c>) and <see cref="Bail"/>, "this evaluator cannot say what
/// JavaScript would do here", which makes the caller run the script on Jint instead.
/// </summary>
internal sealed class FastValue
{
    private readonly string _name;

    private FastValue(string name) => _name = name;

    public static readonly FastValue Undefined = new("undefined");
    public static readonly FastValue Bail = new("bail");

    // Boxed once: comparisons and `!` return these instead of boxing a new bool each time.
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    public override string ToString() => _name;
}
