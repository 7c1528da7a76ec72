using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Itsm.Orchestrator.Api;

/// <summary>
/// The HTTP surface: Elsa 3's API (what Elsa Studio and Elsa clients call), Itsm's own task and instance
/// routes, and webhooks. JSON is written as Elsa writes it (camelCase, enums as strings, nulls omitted) so
/// Studio reads Itsm's answers as if they came from Elsa; failures are RFC 7807 problem details.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddItsmApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddControllers(options => options.Filters.Add(new Common.JsonBodyValidationFilter()))
            .AddApplicationPart(typeof(ApiServiceCollectionExtensions).Assembly)
            .AddJsonOptions(options => ConfigureJson(options.JsonSerializerOptions));
        // Problem details and anything written outside MVC (exception handler) use the same spelling.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => ConfigureJson(options.SerializerOptions));

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();

        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.RateLimit.PermitLimit >= 0 && o.RateLimit.Window > TimeSpan.Zero, "Itsm:Webhooks:RateLimit needs PermitLimit >= 0 and a positive Window.")
            .ValidateOnStart();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookDeliveryLedger>();
        services.AddSingleton<WebhookGate>();
        services.AddWebhookRateLimiting();
        return services;
    }

    public static WebApplication MapItsmApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        if (app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.RateLimit.PermitLimit > 0) app.UseRateLimiter();
        app.MapControllers();
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }

    /// <summary>The settings of <see cref="Itsm.Activities.Definitions.ElsaJson.Options"/>, applied to the framework's options.</summary>
    private static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Stored values may be 64 levels deep (the engine's bound) and sit a few levels down in an instance's model:
        // the default 32 made such instances unreadable. Bodies are still refused past 64 levels on the way in.
        options.MaxDepth = 128;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter());
    }
}
