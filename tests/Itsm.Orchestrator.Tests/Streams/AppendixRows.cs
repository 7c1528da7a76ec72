using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>One row of the appendix data: the tags every node built from it must carry.</summary>
public sealed record AppendixRow(string Stream, int Step, IReadOnlyList<string> Chain, IReadOnlyList<string> Practices, IReadOnlyList<string> Roles);

/// <summary>
/// The cleaned appendix tables (a copy kept beside the tests, so tests never read outside the repository), read from
/// the source folder: the PostgreSQL test project compiles these sources by link, so an output copy would need two csproj edits.
/// </summary>
public static class AppendixRows
{
    private static readonly Lazy<Dictionary<(string, int), AppendixRow>> Rows = new(Load);

    public static AppendixRow Of(string stream, int step) => Rows.Value[(stream, step)];

    private static Dictionary<(string, int), AppendixRow> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(), "appendix-a.json")))!;
        var rows = new Dictionary<(string, int), AppendixRow>();
        foreach (var stream in root["streams"]!.AsArray())
        {
            var id = stream!["id"]!.GetValue<string>();
            foreach (var row in stream["rows"]!.AsArray())
            {
                var step = row!["step"]!.GetValue<int>();
                rows[(id, step)] = new AppendixRow(id, step, Strings(row["chain"]), Strings(row["practices"]), Strings(row["roles"]));
            }
        }
        return rows;
    }

    private static List<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
