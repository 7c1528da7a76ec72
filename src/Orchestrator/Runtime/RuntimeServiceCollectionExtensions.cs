using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Definitions.PostgreSql;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The engine, definitions and the durable runtime. Start-up work runs as <see cref="StartupTasks"/>.</summary>
    public static IServiceCollection AddItsmRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RuntimeOptions>().Bind(configuration.GetSection("Itsm"))
            .Validate(o => o.StepBudgetPerBurst > 0, "Itsm:StepBudgetPerBurst must be positive.")
            .Validate(o => o.MaxUnfinishedAttempts > 0, "Itsm:MaxUnfinishedAttempts must be positive.")
            .Validate(o => o.MaxConflictRetries >= 0, "Itsm:MaxConflictRetries must not be negative.")
            .ValidateOnStart();
        services.AddOptions<EngineOptions>().BindConfiguration("Itsm:Engine")
            .Validate(o => o.MaxVariableBytes > 0 && o.MaxStateBytes >= o.MaxVariableBytes && o.MaxCorrelationIdLength > 0,
                "Itsm:Engine limits must be positive, and MaxStateBytes at least MaxVariableBytes.")
            .ValidateOnStart();
        services.AddOptions<ScriptOptions>().BindConfiguration("Itsm:Scripts")
            .Validate(o => o.MaxValueDepth is > 0 and <= ValueDepth.DefaultMax && o.MaxConcurrency >= 0 && o.ThreadStackBytes >= 1024 * 1024,
                "Itsm:Scripts: MaxValueDepth 1..64 (the storage bound), MaxConcurrency 0 or more, ThreadStackBytes at least 1 MB.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Elsa's built-ins; libraries add theirs with services.AddItsmActivities(assembly), before or after this call.
        services.AddItsmActivities(typeof(ActivityRegistry).Assembly);
        services.AddItsmActivityPlugins(configuration);
        services.TryAddSingleton(provider => ActivityRegistry.Create(provider.RegisteredActivityTypes(), provider));
        services.TryAddSingleton(provider => new WorkflowCompiler(provider.GetRequiredService<ActivityRegistry>()));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            var scripts = provider.GetRequiredService<IOptions<ScriptOptions>>().Value;
            // Itsm:ScriptTimeout is the older key; Itsm:Scripts:Timeout wins when both are set.
            var engine = provider.GetRequiredService<IOptions<EngineOptions>>().Value with
            {
                StepBudgetPerBurst = options.StepBudgetPerBurst,
                Scripts = configuration["Itsm:Scripts:Timeout"] is null ? scripts with { Timeout = options.ScriptTimeout } : scripts,
            };
            return new WorkflowExecutor(engine, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<WorkflowExecutor>>());
        });
        services.TryAddSingleton<CompiledWorkflowCache>();
        services.TryAddSingleton<TriggerIndex>();
        services.TryAddSingleton<DefinitionLifecycleNotifier>();
        // Registered here, so handlers added after AddItsmRuntime (schedulers) run after them and see an up-to-date index and cache.
        services.AddSingleton<IDefinitionLifecycleHandler>(provider => provider.GetRequiredService<CompiledWorkflowCache>());
        services.AddSingleton<IDefinitionLifecycleHandler>(provider => provider.GetRequiredService<TriggerIndex>());
        services.TryAddSingleton<InstanceLocks>();
        // Several nodes share a PostgreSQL database: locks and definition changes must reach all of them.
        var database = configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (database == DatabaseProvider.PostgreSql) services.AddPostgreSqlRuntime().AddPostgreSqlDefinitionSync();
        services.TryAddSingleton<IInstanceLocks>(provider => provider.GetRequiredService<InstanceLocks>());
        services.TryAddSingleton<WorkflowDefinitionService>();
        services.TryAddSingleton<IWorkflowDefinitionService>(provider => provider.GetRequiredService<WorkflowDefinitionService>());
        services.TryAddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        services.TryAddSingleton<WorkflowFileSeeder>();
        services.AddItsmStartupSeedingLock(configuration);
        services.AddHostedService<ActivityPortCheck>();
        services.AddHostedService<StartupTasks>();
        return services;
    }
}
