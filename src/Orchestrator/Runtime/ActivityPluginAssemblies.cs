using System.Reflection;
using System.Runtime.Loader;
using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Activity libraries a deployment adds without rebuilding the host: <c>Itsm:Activities:Assemblies:0</c>,
/// <c>:1</c>, … name assembly files (absolute, or relative to the working directory) whose activities are registered
/// like the built-ins. A missing or unloadable file stops start-up with its path.
/// </summary>
public static class ActivityPluginAssemblies
{
    public const string SectionName = "Itsm:Activities:Assemblies";

    public static IServiceCollection AddItsmActivityPlugins(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var path in configuration.GetSection(SectionName).Get<string[]>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(path)) continue;
            var fullPath = Path.GetFullPath(path);
            if (!File.Exists(fullPath))
                throw new InvalidOperationException($"{SectionName}: activity assembly '{fullPath}' does not exist.");
            Assembly assembly;
            try
            {
                assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
            {
                throw new InvalidOperationException($"{SectionName}: '{fullPath}' is not a loadable .NET assembly: {ex.Message}", ex);
            }
            services.AddItsmActivities(assembly);
        }
        return services;
    }
}
