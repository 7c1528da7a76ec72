using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Itsm.Orchestrator.Tests.Security;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>
/// Studio makes the editor and the definitions list editable only when the answers carry Elsa's write links
/// (<c>publish</c> on a definition, <c>bulk-publish</c> on the list). They go to designers only; a manager sees
/// everything read-only and every write route refuses them.
/// </summary>
public sealed class DefinitionLinksByRoleTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private const string Definitions = "/elsa/api/workflow-definitions";
    private static readonly string[] ListWriteRels = ["bulk-publish", "bulk-retract", "bulk-delete-by-definition-id", "bulk-delete-by-id", "import", "import-files", "create"];
    private static readonly string[] DefinitionWriteRels = ["publish", "retract", "delete", "import", "update-references"];
    private readonly SecurityTestApp _app = new();

    public async Task InitializeAsync()
    {
        using var admin = await _app.SignedInAsync("admin", SecurityTestApp.AdminPassword);
        await SecurityTestApp.CreateUserAsync(admin, "mia", Password, "manager");
        await SecurityTestApp.CreateUserAsync(admin, "pete", Password, "process-owner");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Manager_sees_the_list_and_definitions_without_write_links()
    {
        using var mia = await _app.SignedInAsync("mia", Password);

        var list = await mia.GetFromJsonAsync<JsonElement>($"{Definitions}?versionOptions=Latest&Page=0&PageSize=10&SearchTerm=&IsSystem=False&OrderDirection=Ascending");
        var definition = await mia.GetFromJsonAsync<JsonElement>($"{Definitions}/by-definition-id/incident-intake?versionOptions=Latest");

        Rels(list).Should().Contain(["self", "is-name-unique", "count", "many-by-id"]).And.NotContain(ListWriteRels);
        list.GetProperty("items").GetArrayLength().Should().BePositive();
        foreach (var item in list.GetProperty("items").EnumerateArray())
            Rels(item).Should().Contain(["self", "export", "execute"]).And.NotContain(DefinitionWriteRels);
        Rels(definition).Should().NotContain(DefinitionWriteRels);
    }

    [Fact]
    public async Task Process_owner_gets_elsas_list_links_and_write_links_on_every_answer()
    {
        using var pete = await _app.SignedInAsync("pete", Password);

        var list = await pete.GetFromJsonAsync<JsonElement>($"{Definitions}?versionOptions=Latest");
        var definition = await pete.GetFromJsonAsync<JsonElement>($"{Definitions}/by-definition-id/incident-intake?versionOptions=Latest");
        var save = await pete.PostAsJsonAsync(Definitions, new { model = definition, publish = false });
        var saved = await save.Content.ReadFromJsonAsync<JsonElement>();
        var publish = await pete.PostAsJsonAsync($"{Definitions}/incident-intake/publish", new { });
        var published = await publish.Content.ReadFromJsonAsync<JsonElement>();
        var retract = await pete.PostAsJsonAsync($"{Definitions}/incident-intake/retract", new { });
        var retracted = await retract.Content.ReadFromJsonAsync<JsonElement>();

        Rels(list).Should().Contain(ListWriteRels);
        Link(list, "bulk-publish").Should().Be("/bulk-actions/publish/workflow-definitions/by-definition-ids");
        Link(list, "bulk-delete-by-id").Should().Be("/bulk-actions/delete/workflow-definitions/by-id");
        Rels(definition).Should().Contain(DefinitionWriteRels);
        save.StatusCode.Should().Be(HttpStatusCode.OK, saved.ToString());
        Rels(saved.GetProperty("workflowDefinition")).Should().Contain(DefinitionWriteRels);
        publish.StatusCode.Should().Be(HttpStatusCode.OK, published.ToString());
        Rels(published.GetProperty("workflowDefinition")).Should().Contain(DefinitionWriteRels);
        retract.StatusCode.Should().Be(HttpStatusCode.OK, retracted.ToString());
        Rels(retracted).Should().Contain(DefinitionWriteRels);
    }

    [Fact]
    public async Task An_api_key_keeps_the_write_links_it_had()
    {
        using var system = _app.ClientWithKey(SecurityTestApp.ApiKey);

        var list = await system.GetFromJsonAsync<JsonElement>($"{Definitions}?versionOptions=Latest");

        Rels(list).Should().Contain(ListWriteRels);
        Rels(list.GetProperty("items")[0]).Should().Contain("publish");
    }

    [Fact]
    public async Task Every_write_route_refuses_a_manager_with_a_403_problem_and_changes_nothing()
    {
        using var mia = await _app.SignedInAsync("mia", Password);
        using var system = _app.ClientWithKey(SecurityTestApp.ApiKey);
        var before = await system.GetFromJsonAsync<JsonElement>($"{Definitions}/by-definition-id/incident-intake?versionOptions=Latest");
        var ids = new { definitionIds = new[] { "incident-intake" } };
        using var files = new MultipartFormDataContent { { new StringContent(before.ToString()), "files", "incident.json" } };

        HttpResponseMessage[] answers =
        [
            await mia.PostAsJsonAsync(Definitions, new { model = before, publish = true }),
            await mia.PostAsJsonAsync($"{Definitions}/incident-intake/publish", new { }),
            await mia.PostAsJsonAsync($"{Definitions}/incident-intake/retract", new { }),
            await mia.DeleteAsync($"{Definitions}/incident-intake"),
            await mia.PostAsJsonAsync($"{Definitions}/import", before),
            await mia.PostAsync($"{Definitions}/import-files", files),
            await mia.PostAsJsonAsync("/elsa/api/bulk-actions/publish/workflow-definitions/by-definition-ids", ids),
            await mia.PostAsJsonAsync("/elsa/api/bulk-actions/retract/workflow-definitions/by-definition-ids", ids),
            await mia.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id", ids),
            await mia.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-definitions/by-id", new { ids = new[] { before.GetProperty("id").GetString() } }),
        ];

        foreach (var answer in answers)
            await answer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var after = await system.GetFromJsonAsync<JsonElement>($"{Definitions}/by-definition-id/incident-intake?versionOptions=Latest");
        after.GetProperty("id").GetString().Should().Be(before.GetProperty("id").GetString());
        after.GetProperty("version").GetInt32().Should().Be(before.GetProperty("version").GetInt32());
        after.GetProperty("isPublished").GetBoolean().Should().BeTrue();
    }

    private static List<string?> Rels(JsonElement answer)
        => answer.GetProperty("links").EnumerateArray().Select(link => link.GetProperty("rel").GetString()).ToList();

    private static string? Link(JsonElement answer, string rel)
        => answer.GetProperty("links").EnumerateArray().Single(link => link.GetProperty("rel").GetString() == rel).GetProperty("href").GetString();
}
