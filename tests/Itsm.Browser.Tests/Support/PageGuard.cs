using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// Records everything that went wrong on a page: console errors, uncaught script errors, answers with status 400 or
/// more, requests that failed (except <c>net::ERR_ABORTED</c> on a request already answered below 400: Blazor's
/// fetch teardown), and any request to another origin (every file and font must come from Itsm itself).
/// <see cref="AssertCleanAsync"/> fails the test with the whole list.
/// </summary>
public sealed class PageGuard
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<IRequest, int> _answered = new();
    private readonly ConcurrentQueue<ApiCall> _apiCalls = new();
    private readonly IPage _page;
    private readonly string _origin;

    public PageGuard(IPage page, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(origin);
        _page = page;
        _origin = origin.GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _problems.Enqueue($"console error: {message.Text}");
        };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        page.Request += (_, request) =>
        {
            if (!IsOwn(request.Url)) _problems.Enqueue($"request to another origin: {request.Method} {request.Url}");
        };
        page.Response += (_, response) =>
        {
            _answered[response.Request] = response.Status;
            if (new Uri(response.Url).AbsolutePath.StartsWith("/elsa/api/", StringComparison.Ordinal))
            {
                _apiCalls.Enqueue(new ApiCall(response.Request.Method, response.Url, response.Status, response.Request.Headers.ContainsKey("authorization")));
            }

            if (response.Status >= 400) _problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        };
        page.RequestFailed += (_, request) =>
        {
            var failure = request.Failure ?? "";
            if (failure.Contains("ERR_ABORTED", StringComparison.Ordinal) && _answered.TryGetValue(request, out var status) && status < 400) return;
            _problems.Enqueue($"request failed ({failure}): {request.Method} {request.Url}");
        };
    }

    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Every call the page made to <c>/elsa/api</c> and its answer.</summary>
    public IReadOnlyList<ApiCall> ApiCalls => [.. _apiCalls];

    /// <summary>Fails with every problem seen so far, and when Blazor's error bar is showing.</summary>
    public async Task AssertCleanAsync()
    {
        var errorBar = _page.Locator("#blazor-error-ui");
        if (await errorBar.CountAsync() > 0 && await errorBar.IsVisibleAsync())
        {
            _problems.Enqueue("Blazor's error bar (#blazor-error-ui) is showing");
        }

        Problems.Should().BeEmpty("a page of Studio must load and run without a console error or a failed request");
    }

    private bool IsOwn(string url)
        => url.StartsWith(_origin + "/", StringComparison.Ordinal) || url == _origin
            || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:" + _origin + "/", StringComparison.Ordinal);
}
