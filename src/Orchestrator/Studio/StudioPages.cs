using System.Text.Encodings.Web;

namespace Itsm.Orchestrator.Studio;

/// <summary>
/// The HTML of <c>/studio</c>: a plain shell page, and pages hosting one of Elsa Studio's custom elements each.
/// Every file they load comes from this host (no fonts or CDN: the package's Google Fonts links are left out,
/// the browser's own sans-serif stands in). No API key or token is written into a page: the element's calls to
/// <c>/elsa/api</c> are same-origin and carry the person's sign-in cookie.
/// </summary>
internal static class StudioPages
{
    /// <summary>The shell runs no script and loads nothing.</summary>
    public const string ShellPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// What Blazor WebAssembly and Studio need, and nothing from elsewhere: <c>'wasm-unsafe-eval'</c> to compile the
    /// runtime; inline styles, which MudBlazor, Radzen, X6 and Monaco set on elements; <c>blob:</c> workers and
    /// <c>data:</c> images and fonts, which Monaco and the designer create; the API on the same origin.
    /// The two hashes are the inline scripts Studio 3.8.2 renders itself (<c>window.editorHotkeys</c>: Ctrl+S in
    /// the editor, Ctrl+R in the instance viewer; in Elsa.Studio.Workflows): allowed by hash rather than with
    /// <c>'unsafe-inline'</c>. Another package version may change them: the browser tests then see the CSP error.
    /// </summary>
    public const string ElementPolicy = "default-src 'self'; "
        + "script-src 'self' 'wasm-unsafe-eval' 'sha256-snlP1jz0gjwc5cTz9ErZcliXuCK63+Mmf68RRCeptgc=' 'sha256-vu6sQrKXQHR4Yn3FMMihA/9TxxfIXnCxKwvLrTPJ5ts='; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        + "object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    private static readonly string[] Stylesheets =
    [
        "_content/MudBlazor/MudBlazor.min.css",
        "_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css",
        "_content/Radzen.Blazor/css/material-base.css",
        "_content/Elsa.Studio.Shell/css/shell.css",
        StudioAssets.Stylesheet,
    ];

    /// <summary>In the order of the package's index.html: Monaco's loader before its editor, Blazor last.</summary>
    private static readonly string[] Scripts =
    [
        "_content/BlazorMonaco/jsInterop.js",
        "_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js",
        "_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js",
        "_content/MudBlazor/MudBlazor.min.js",
        "_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js",
        "_content/Radzen.Blazor/Radzen.Blazor.min.js",
        "_framework/blazor.webassembly.js",
        StudioAssets.GlueScript,
    ];

    /// <param name="pathBase">The host's path base ("" unless it runs under a prefix).</param>
    /// <param name="apiRoot">The absolute URL of <c>/elsa/api</c> on this origin (the element's HttpClient needs an absolute base).</param>
    public static string Element(StudioPage page, string pathBase, string apiRoot)
    {
        var e = HtmlEncoder.Default;
        var id = page.IdAttribute is null ? "" : $" {page.IdAttribute}=\"{e.Encode(page.Id ?? "")}\"";
        var styles = string.Join("\n", Stylesheets.Select(href => $"""<link rel="stylesheet" href="{href}">"""));
        var scripts = string.Join("\n", Scripts.Select(src => $"""<script src="{src}"></script>"""));
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{e.Encode(page.Title)}} · Itsm Studio</title>
            <base href="{{e.Encode(pathBase)}}/studio/">
            <link rel="icon" type="image/png" sizes="32x32" href="_content/Elsa.Studio.Shell/favicon-32x32.png">
            {{styles}}
            <style>
              body { margin: 0; font-family: system-ui, sans-serif; }
              .itsm-bar { display: flex; gap: 1rem; align-items: center; padding: .35rem 1rem; background: #1d2330; font-size: .9rem; }
              .itsm-bar a { color: #fff; text-decoration: none; }
              .itsm-bar a:hover { text-decoration: underline; }
              .itsm-bar strong { color: #fff; margin-right: .5rem; }
            </style>
            </head>
            <body>
            <nav class="itsm-bar"><strong>Itsm</strong><a href="./">Studio</a><a href="definitions">Definitions</a><a href="instances">Instances</a></nav>
            <elsa-backend-provider remote-endpoint="{{e.Encode(apiRoot)}}"></elsa-backend-provider>
            <{{page.Element}}{{id}}></{{page.Element}}>
            <div id="blazor-error-ui">
              An unhandled error has occurred.
              <a href="" class="reload">Reload</a>
              <a class="dismiss">🗙</a>
            </div>
            {{scripts}}
            </body>
            </html>
            """;
    }

    /// <summary>The landing page: where to go, who is signed in, sign-out.</summary>
    public static string Shell(string pathBase, string? userName, IReadOnlyCollection<string> roles, bool installed)
    {
        var e = HtmlEncoder.Default;
        var root = e.Encode(pathBase);
        var missing = installed ? "" : """
            <p class="error" role="alert">Elsa Studio's files are not installed on this host: build the project (it runs
            <code>npm ci</code> in <code>src/Orchestrator/Studio</code>) or publish it again.</p>
            """;
        var who = userName is null ? "" : $"""
            <form method="post" action="{root}/account/sign-out" class="who">
              Signed in as <strong>{e.Encode(userName)}</strong>{(roles.Count == 0 ? "" : $" ({e.Encode(string.Join(", ", roles))})")}.
              <button type="submit">Sign out</button>
            </form>
            """;
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Itsm Studio</title>
            <style>
              body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
              main { max-width: 40rem; margin: 8vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
              h1 { font-size: 1.5rem; margin: 0 0 1rem; }
              h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
              ul { padding-left: 1.2rem; margin: 0; }
              a { color: #2457c5; }
              .who { font-size: .9rem; margin-bottom: 1rem; }
              .who button { border: 0; background: none; color: #2457c5; text-decoration: underline; cursor: pointer; font: inherit; padding: 0; }
              .error { background: #fdecec; color: #9b1c1c; padding: .5rem .75rem; border-radius: 4px; }
            </style>
            </head>
            <body><main>
            <h1>Itsm Studio</h1>
            {{who}}
            {{missing}}
            <h2>Value streams</h2>
            <ul>
              <li><a href="{{root}}/studio/definitions">Workflow definitions</a>: design, publish and run value streams (editing needs the process-owner role)</li>
              <li><a href="{{root}}/studio/instances">Workflow instances</a>: follow running and finished instances</li>
            </ul>
            <h2>For managers and integrators</h2>
            <ul>
              <li><a href="{{root}}/scalar">API reference</a> (<a href="{{root}}/openapi/v1.json">OpenAPI document</a>)</li>
              <li><a href="{{root}}/health">Health</a></li>
            </ul>
            </main></body>
            </html>
            """;
    }

    /// <summary>Said instead of a page that cannot work because the package is missing.</summary>
    public static string NotInstalled(string pathBase) => Shell(pathBase, null, [], installed: false);
}
