using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Studio;

/// <summary>
/// Elsa Studio at <c>/studio</c>: the package's files (<see cref="StudioAssets"/>) and the pages hosting its
/// elements (<see cref="StudioController"/>).
/// </summary>
public static partial class StudioServiceCollectionExtensions
{
    public static IServiceCollection AddItsmStudio(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<StudioFiles>();
        services.AddControllers().AddApplicationPart(typeof(StudioServiceCollectionExtensions).Assembly);
        return services;
    }

    /// <summary>
    /// Serves the package's files. Call before <c>UseItsmSecurity</c>: they are answered without authentication
    /// (see <see cref="StudioAssets"/>), and every other <c>/studio</c> request goes on to the signed-in pages.
    /// </summary>
    public static WebApplication UseItsmStudio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = app.Services.GetRequiredService<StudioFiles>();
        if (!files.Installed)
        {
            LogNotInstalled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<StudioFiles>(), string.Join(", ", files.Searched));
        }

        app.MapWhen(context => StudioAssets.IsAssetRequest(context.Request.Path), branch =>
        {
            branch.Use((context, next) => StudioAssets.SelectAsync(context, files, () => next(context)));
            branch.UseStaticFiles(StudioAssets.StaticFileOptions(files));
            branch.Run(StudioAssets.NotFound);
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elsa Studio is not installed (looked in {Folders}): /studio shows a notice; build the project to install it")]
    private static partial void LogNotInstalled(ILogger logger, string folders);
}
