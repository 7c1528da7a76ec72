using Itsm.Orchestrator.Api.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Security;

/// <summary>Account management for administrators. Passwords go in, never out.</summary>
[ApiController]
[Route("api/users")]
[Authorize(Policy = ItsmPolicies.Admin)]
public sealed partial class UsersController(UserStore users, ILogger<UsersController> logger) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<ListResponse<UserModel>>> List(CancellationToken cancellationToken)
    {
        var accounts = await users.ListAsync(cancellationToken);
        return new ListResponse<UserModel>(accounts.Select(UserModel.From).ToList());
    }

    [HttpGet("{userName}")]
    public async Task<ActionResult<UserModel>> Get(string userName, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(userName, cancellationToken);
        return account is null ? NoSuchUser(userName) : UserModel.From(account);
    }

    [HttpPost]
    [ProducesResponseType<UserModel>(StatusCodes.Status201Created)]
    public async Task<ActionResult<UserModel>> Create(CreateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        UserValidation.UserName(ModelState, request.UserName);
        UserValidation.DisplayName(ModelState, request.DisplayName);
        UserValidation.Password(ModelState, request.Password, required: true);
        UserValidation.Roles(ModelState, request.Roles, required: true);
        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var user = new NewUser(
            request.UserName!,
            request.DisplayName?.Trim() ?? request.UserName!,
            request.Password!,
            UserRoles.Normalize(request.Roles!));
        var result = await users.CreateAsync(user, cancellationToken);
        if (result.Status == UserWriteStatus.DuplicateUserName)
        {
            return Problem(detail: $"A user named '{request.UserName}' already exists.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            // A local: CA1873 does not see the guard around a [LoggerMessage] call.
            var roles = string.Join(", ", user.Roles);
            LogChanged(logger, User.Identity?.Name, "created", user.UserName, roles);
        }
        var model = UserModel.From(result.Account!);
        return CreatedAtAction(nameof(Get), new { userName = model.UserName }, model);
    }

    [HttpPut("{userName}")]
    public async Task<ActionResult<UserModel>> Update(string userName, UpdateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        UserValidation.DisplayName(ModelState, request.DisplayName);
        UserValidation.Password(ModelState, request.Password, required: false);
        UserValidation.Roles(ModelState, request.Roles, required: false);
        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var roles = request.Roles is null ? null : UserRoles.Normalize(request.Roles);
        var result = await users.UpdateAsync(userName, new UserChanges(request.DisplayName?.Trim(), roles, request.Password), cancellationToken);
        switch (result.Status)
        {
            case UserWriteStatus.NotFound:
                return NoSuchUser(userName);
            case UserWriteStatus.LastAdmin:
                return LastAdmin(userName);
            default:
                var account = result.Account!;
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var roleList = string.Join(", ", account.Roles);
                    LogChanged(logger, User.Identity?.Name, "updated", account.UserName, roleList);
                }
                return UserModel.From(account);
        }
    }

    [HttpDelete("{userName}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string userName, CancellationToken cancellationToken)
    {
        var result = await users.DeleteAsync(userName, cancellationToken);
        switch (result.Status)
        {
            case UserWriteStatus.NotFound:
                return NoSuchUser(userName);
            case UserWriteStatus.LastAdmin:
                return LastAdmin(userName);
            default:
                LogChanged(logger, User.Identity?.Name, "deleted", userName, "");
                return NoContent();
        }
    }

    private ObjectResult NoSuchUser(string userName)
        => Problem(detail: $"No user named '{userName}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private ObjectResult LastAdmin(string userName)
        => Problem(
            detail: $"'{userName}' is the last user with the admin role; give another user that role first.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict");

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} {Action} user {UserName} (roles: {Roles})")]
    private static partial void LogChanged(ILogger logger, string? actor, string action, string userName, string roles);
}
