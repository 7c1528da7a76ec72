using System.Text.Encodings.Web;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// The only HTML Itsm serves itself: the sign-in form and the access-denied page. Self-contained (inline CSS,
/// no script, no external files) so it works offline and under a strict Content-Security-Policy.
/// </summary>
internal static class AccountPages
{
    /// <summary>Sent with every page: nothing external may load, the form may only post here, no framing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string SignIn(string? userName, string returnUrl, string? error, string? signedInAs)
    {
        var e = HtmlEncoder.Default;
        var message = error is null ? "" : $"""<p class="error" role="alert">{e.Encode(error)}</p>""";
        var current = signedInAs is null ? "" : $"""
            <form method="post" action="/account/sign-out" class="current">
              <span>Signed in as <strong>{e.Encode(signedInAs)}</strong>.</span>
              <button type="submit" class="link">Sign out</button>
            </form>
            """;
        return Page("Sign in", $"""
            <h1>Sign in to Itsm</h1>
            {current}
            {message}
            <form method="post" action="/account/sign-in">
              <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl)}">
              <label for="userName">User name</label>
              <input id="userName" name="userName" autocomplete="username" required autofocus value="{e.Encode(userName ?? "")}">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form>
            """);
    }

    public static string AccessDenied(string? userName) => Page("Access denied", $"""
        <h1>Access denied</h1>
        <p>{(userName is null ? "You are" : $"<strong>{HtmlEncoder.Default.Encode(userName)}</strong> is")} signed in but lacks the role this page requires.</p>
        <form method="post" action="/account/sign-out"><button type="submit">Sign in as someone else</button></form>
        """);

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Itsm</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
          main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
          h1 { font-size: 1.35rem; margin: 0 0 1.25rem; }
          label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
          input { width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #b8bfcc; border-radius: 4px; font: inherit; }
          button { margin-top: 1.25rem; width: 100%; padding: .6rem; border: 0; border-radius: 4px; background: #2457c5; color: #fff; font: inherit; cursor: pointer; }
          button.link { width: auto; margin: 0 0 0 .25rem; padding: 0; background: none; color: #2457c5; text-decoration: underline; }
          .error { background: #fdecec; color: #9b1c1c; padding: .5rem .75rem; border-radius: 4px; }
          .current { margin-bottom: 1rem; font-size: .9rem; }
        </style>
        </head>
        <body><main>
        {{body}}
        </main></body>
        </html>
        """;
}
