using System.Net;
using Itsm.Activities.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Http;

public static class OutboundHttpServiceCollectionExtensions
{
    /// <summary>
    /// Outbound HTTP for <c>Elsa.SendHttpRequest</c> (<see cref="IHttpRequestSender"/>), behind the SSRF guard, with the
    /// timeout, response cap, redirect limit, retries and allow-list of <c>Itsm:Http</c>.
    /// </summary>
    public static IServiceCollection AddItsmOutboundHttp(this IServiceCollection services)
    {
        services.AddOptions<OutboundHttpOptions>().BindConfiguration(OutboundHttpOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundHttpOptions>, OutboundHttpOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AllowList(provider.GetRequiredService<IOptions<OutboundHttpOptions>>().Value.AllowedHosts));
        services.TryAddSingleton<DestinationGuard>();
        services.AddHttpClient(OutboundHttpSender.ClientName, client =>
            {
                // The sender's own timeout (on TimeProvider) governs; no default headers, ever.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.Clear();
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                Credentials = null,
                PreAuthenticate = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = provider.GetRequiredService<DestinationGuard>().ConnectAsync,
                // A pooled connection keeps the address checked when it opened; bound its life so DNS changes are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.TryAddSingleton<IHttpRequestSender, OutboundHttpSender>();
        return services;
    }
}
