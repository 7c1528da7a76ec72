namespace Itsm.Orchestrator.Security;

/// <summary>
/// Marks a GET that changes state (kept because Elsa's API has it: run a definition, resume by token). A browser
/// follows a link from any site with its Lax cookie, so <see cref="RequestForgeryGuard"/> accepts such a GET
/// only from API-key callers; people use the POST twin.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChangesStateAttribute : Attribute;
