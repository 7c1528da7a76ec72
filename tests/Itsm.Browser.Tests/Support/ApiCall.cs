namespace Itsm.Browser.Tests.Support;

/// <summary>A call a page made to <c>/elsa/api</c>: what was asked, the answer's status, whether it carried an Authorization header.</summary>
public sealed record ApiCall(string Method, string Url, int Status, bool HadAuthorizationHeader);
