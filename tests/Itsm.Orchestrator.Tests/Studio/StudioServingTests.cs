using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Itsm.Orchestrator.Studio;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Studio;

/// <summary>
/// How /studio answers over HTTP: the Elsa Studio package's files (types, precompressed siblings, caching, what is
/// never served) and the pages hosting its elements (sign-in, no credential or outside URL in them, encoded ids).
/// </summary>
public sealed class StudioServingTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _app = new();
    private StudioFiles _files = null!;

    public Task InitializeAsync()
    {
        _files = _app.Services.GetRequiredService<StudioFiles>();
        _files.Installed.Should().BeTrue($"the build installs Elsa Studio (npm ci); looked in {string.Join(", ", _files.Searched)}");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Wasm_file_is_served_anonymously_as_application_wasm_with_a_long_cache()
    {
        var name = FrameworkFile("Elsa.Api.Client.*.wasm");
        using var client = Anonymous();

        using var response = await client.GetAsync($"/studio/_framework/{name}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/wasm");
        response.Content.Headers.ContentEncoding.Should().BeEmpty("this request accepts no encoding");
        response.Headers.CacheControl!.ToString().Should().Contain("max-age=31536000").And.Contain("immutable");
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(Path.Combine(_files.Root!, "_framework", name)));
    }

    [Fact]
    public async Task Brotli_sibling_is_sent_with_its_content_encoding_when_the_browser_accepts_it()
    {
        var name = FrameworkFile("Elsa.Api.Client.*.wasm");
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/studio/_framework/{name}");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal("br");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/wasm", "the type is the encoded file's, not .br's");
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        await using var decoded = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await decoded.CopyToAsync(plain);
        plain.ToArray().Should().Equal(await File.ReadAllBytesAsync(Path.Combine(_files.Root!, "_framework", name)));
    }

    [Fact]
    public async Task Gzip_sibling_is_sent_when_brotli_is_refused()
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/studio/_framework/blazor.webassembly.js");
        request.Headers.AcceptEncoding.ParseAdd("br;q=0, gzip");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.CacheControl!.NoCache.Should().BeTrue("blazor.webassembly.js has no fingerprint in its name: it is revalidated");
    }

    [Theory]
    [InlineData("/studio/index.html")]
    [InlineData("/studio/package.json")]
    [InlineData("/studio/_framework/blazor.webassembly.js.br")]
    [InlineData("/studio/_framework/no-such-file.js")]
    [InlineData("/studio/_content/MudBlazor/no-such-file.css")]
    [InlineData("/studio/no-such-file.css")]
    public async Task Files_that_are_not_served_answer_404(string path)
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Blazor_gets_Itsm_s_own_appsettings_and_the_pages_their_script()
    {
        using var client = Anonymous();

        var settings = await client.GetStringAsync("/studio/appsettings.json");
        using var script = await client.GetAsync("/studio/itsm-studio.js");

        settings.Should().NotContain("localhost:5001", "the package's own settings point at a server this host is not");
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        (await script.Content.ReadAsStringAsync()).Should().Contain("editWorkflowDefinition");
    }

    [Theory]
    [InlineData("/studio")]
    [InlineData("/studio/definitions")]
    [InlineData("/studio/definitions/a11-incident-resolution")]
    [InlineData("/studio/instances")]
    [InlineData("/studio/instances/some-instance")]
    public async Task Pages_send_an_anonymous_browser_to_sign_in(string path)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith($"/account/sign-in?returnUrl={Uri.EscapeDataString(path)}");
    }

    [Theory]
    [InlineData("/studio/definitions", "elsa-workflow-definition-list", null)]
    [InlineData("/studio/definitions/a11-incident-resolution", "elsa-workflow-definition-editor", "definition-id=\"a11-incident-resolution\"")]
    [InlineData("/studio/instances", "elsa-workflow-instance-list", null)]
    [InlineData("/studio/instances/i-1", "elsa-workflow-instance-viewer", "instance-id=\"i-1\"")]
    public async Task Page_hosts_its_element_after_the_backend_provider_with_no_credential_and_nothing_from_elsewhere(string path, string element, string? idAttribute)
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("'wasm-unsafe-eval'").And.Contain("connect-src 'self'").And.NotContain("'unsafe-eval'");
        html.Should().Contain("<base href=\"/studio/\">");
        html.Should().Contain("<elsa-backend-provider remote-endpoint=\"http://localhost/elsa/api\"></elsa-backend-provider>");
        html.IndexOf("<elsa-backend-provider", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf($"<{element}", StringComparison.Ordinal),
            "the provider is a sibling placed before the element (as a parent it swallows it)");
        if (idAttribute is not null) html.Should().Contain($"<{element} {idAttribute}></{element}>");
        html.Should().Contain("id=\"blazor-error-ui\"");
        html.Should().NotContainAny(["api-key", "access-token", ItsmAppFactory.ApiKey, "fonts.googleapis", "index.html"]);
        Regex.Matches(html, @"(https?:)?//[^""'\s<>]+").Select(match => match.Value)
            .Should().OnlyContain(url => url.StartsWith("http://localhost/", StringComparison.Ordinal), "every URL is this host's own");
    }

    [Fact]
    public async Task Id_from_the_url_is_attribute_encoded()
    {
        using var client = _app.CreateClient();

        var html = await client.GetStringAsync("/studio/definitions/" + Uri.EscapeDataString("x\"><img src=x onerror=alert(1)>"));

        html.Should().NotContain("<img src=x").And.NotContain("x\">");
        html.Should().Contain("definition-id=\"x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"");
    }

    [Theory]
    [InlineData("/studio/workflows/definitions", "/studio/definitions")]
    [InlineData("/studio/workflows/definitions/a11-incident-resolution/edit", "/studio/definitions/a11-incident-resolution")]
    [InlineData("/studio/workflows/instances", "/studio/instances")]
    [InlineData("/studio/workflows/instances/i-1/view", "/studio/instances/i-1")]
    public async Task Paths_Studio_navigates_to_by_itself_land_on_Itsm_s_pages(string path, string target)
    {
        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(target);
    }

    [Fact]
    public async Task Shell_links_the_pages_and_runs_no_script()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/studio");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
        html.Should().Contain("href=\"/studio/definitions\"").And.Contain("href=\"/studio/instances\"").And.Contain("href=\"/scalar\"");
        html.Should().NotContain("<script");
    }

    private HttpClient Anonymous()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    private string FrameworkFile(string pattern)
        => Path.GetFileName(Directory.GetFiles(Path.Combine(_files.Root!, "_framework"), pattern).Single());
}
