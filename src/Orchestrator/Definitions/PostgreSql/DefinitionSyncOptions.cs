using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Definitions.PostgreSql;

/// <summary>How a node follows definition changes made on other nodes (<c>Itsm:Definitions:Sync</c>, PostgreSQL only).</summary>
public sealed class DefinitionSyncOptions
{
    public const string SectionName = "Itsm:Definitions:Sync";

    /// <summary>
    /// How often the node compares its published versions with the store even without a notification: a safety net
    /// for a node that died between a commit and its notification. One query when nothing changed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first wait before reconnecting the change feed; doubled per failure up to <see cref="MaxReconnectDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}
