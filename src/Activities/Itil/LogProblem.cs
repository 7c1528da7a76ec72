using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Ports;

namespace Itsm.Activities.Itil;

/// <summary>
/// Opens a problem — the unknown cause behind one or more incidents — linked to each of them. Its priority is the
/// node's, or else the most urgent of its incidents'.
/// </summary>
[Activity("Itsm", "LogProblem", DisplayName = "Log problem",
    Description = "Opens a problem for the cause behind one or more incidents, linked to them.")]
[Output("recordId", typeof(string), Description = "The problem's record id.")]
[Output("number", typeof(string), Description = "The problem's number, e.g. PRB0000012.")]
[Output("problemPriority", typeof(string), Description = "The priority the problem got, P1–P4 (named apart from the priority input).")]
[ItilTags(ValueChain = ["improve", "deliver-and-support"], Practices = ["problem-management", "incident-management"], Roles = ["problem analyst"])]
public sealed class LogProblem(IRecordReader reader, IRecordNumbers numbers) : Activity<LogProblem.Inputs>
{
    public sealed class Inputs
    {
        [Input(Description = "The record ids of the incidents this problem is behind (at least one).")]
        public List<string> IncidentIds { get; set; } = [];

        [Input(Description = "The problem in one line; defaults to the first incident's title.")]
        public string? Title { get; set; }

        [Input(UIHint = UIHints.MultiLine, Description = "What is known so far.")]
        public string? Description { get; set; }

        [Input(UIHint = UIHints.DropDown, Description = "Leave empty to take the most urgent incident's priority.")]
        public Priority? Priority { get; set; }
    }

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        var incidentIds = input.IncidentIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (incidentIds.Count == 0) return Fail("A problem needs at least one incident id.", retryable: false);
        var incidents = new List<Dictionary<string, object?>>();
        foreach (var incidentId in incidentIds)
        {
            var incident = await ItilRecords.FindAsync(context, reader, RecordTypes.Incident, incidentId, cancellationToken);
            if (incident is null) return ItilRecords.Missing(RecordTypes.Incident, incidentId);
            incidents.Add(incident);
        }

        var priority = input.Priority ?? incidents
            .Select(i => Enum.TryParse<Priority>(ItilRecords.Text(i, RecordFields.Priority), out var p) ? p : Itil.Priority.P4)
            .Min();
        var id = ItilRecords.IdFor(context);
        var problem = await ItilRecords.FindOrNewAsync(context, reader, numbers, RecordTypes.Problem, id, cancellationToken);
        problem[RecordFields.Title] = string.IsNullOrWhiteSpace(input.Title) ? ItilRecords.Text(incidents[0], RecordFields.Title) : input.Title.Trim();
        problem["description"] = input.Description;
        problem[RecordFields.Status] = "new";
        problem[RecordFields.Priority] = priority.ToString();
        foreach (var incidentId in incidentIds) ItilRecords.Link(problem, RecordTypes.Incident, incidentId, "caused");
        ItilRecords.Write(context, RecordTypes.Problem, id, problem);

        return Done(new Dictionary<string, object?>
        {
            ["recordId"] = id,
            ["number"] = problem[RecordFields.Number],
            ["problemPriority"] = priority.ToString(),
        });
    }
}
