using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Itsm.Activities.Tests.Support;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>The TypeScript declarations Studio's Monaco editor gets for IntelliSense in JavaScript inputs.</summary>
public sealed partial class JavaScriptTypeDefinitionsApiTests : IAsyncLifetime
{
    private const string Route = "/elsa/api/scripting/javascript/type-definitions";
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Declares_the_definitions_variables_typed_and_itsms_script_functions()
    {
        await Client.SaveAsync(new FlowBuilder("typed", "Typed")
            .Variable("Count", "Int32", "0")
            .Variable("Title", "String")
            .Variable("Tags", "String[]")
            .Variable("Approved", "Boolean")
            .Variable("Payload", "Object")
            .Activity("start", "Elsa.Start"), publish: false);

        var response = await Client.PostJsonAsync($"{Route}/typed", Body("typed"));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-typescript");
        text.Should().Contain("declare const variables: {")
            .And.Contain("\"Count\": number;").And.Contain("\"Title\": string;").And.Contain("\"Tags\": string[];")
            .And.Contain("\"Approved\": boolean;").And.Contain("\"Payload\": any;")
            .And.Contain("declare function getCount(): number;").And.Contain("declare function setTitle(value: string): void;");
        foreach (var function in new[] { "getVariable", "setVariable", "getInput", "getWorkflowInstanceId", "getCorrelationId", "setCorrelationId",
                     "getLastResult", "setOutput", "getResumeToken", "getResumeUrl", "isNullOrEmpty", "isNullOrWhiteSpace", "newGuidString" })
            text.Should().MatchRegex($@"/\*\* [^\n]+ \*/\ndeclare function {function}\(");
        CodeLines(text).Should().OnlyContain(line => AllowedLine().IsMatch(line), "only declarations, property keys and braces are code");
    }

    [Fact]
    public async Task Hostile_variable_names_stay_inside_their_string_literals()
    {
        await Client.SaveAsync(new FlowBuilder("hostile", "Hostile")
            .Variable("*/ declare const pwned: 1; /*", "String")
            .Variable("a\"b\\c\nd\u2028e", "Int32")
            .Variable("x(): void; declare function y", "Int32[]")
            .Activity("start", "Elsa.Start"), publish: false);

        var response = await Client.PostAsync($"{Route}/hostile", null);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        var code = CodeLines(text);
        code.Should().OnlyContain(line => AllowedLine().IsMatch(line), text);
        code.Should().NotContain(line => line.Contains("pwned", StringComparison.Ordinal));
        code.Count(line => line.StartsWith("declare function", StringComparison.Ordinal)).Should().Be(13, "no getter or setter is made from a name that is not an identifier");
        text.Should().Contain("\"*/ declare const pwned: 1; /*\": string;");
    }

    [Fact]
    public async Task Unknown_definition_is_a_404_problem()
    {
        var response = await Client.PostJsonAsync($"{Route}/no-such-definition", Body("no-such-definition"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().Should().Contain("no-such-definition");
    }

    private static JsonObject Body(string definitionId) => new()
    {
        ["workflowDefinitionId"] = definitionId,
        ["activityTypeName"] = "Elsa.SetVariable",
        ["propertyName"] = "Value",
    };

    /// <summary>The text outside comments, each string literal reduced to <c>""</c>, one trimmed line per entry (a small TypeScript lexer).</summary>
    private static List<string> CodeLines(string source)
    {
        var code = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end.Should().BeGreaterThan(i, "every comment is closed");
                i = end + 1;
            }
            else if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
                code.Append('\n');
            }
            else if (source[i] == '"')
            {
                for (i++; source[i] != '"'; i++)
                {
                    source[i].Should().NotBe('\n', "a string literal never spans lines");
                    if (source[i] == '\\') i++;
                }
                code.Append("\"\"");
            }
            else
            {
                code.Append(source[i]);
            }
        }
        return code.ToString().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
    }

    [GeneratedRegex(@"^(declare const (variables|input): \{|\};|""""\??: (number|string|boolean|any)(\[\])?;|\[name: string\]: any;|declare function [A-Za-z_$][A-Za-z0-9_$]*\([^()]*\): [^;]+;)$")]
    private static partial Regex AllowedLine();
}
