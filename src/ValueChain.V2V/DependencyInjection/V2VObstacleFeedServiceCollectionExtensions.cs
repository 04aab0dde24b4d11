using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ValueChain;
using ValueChain.Content;
using ValueChain.V2V;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the obstacle map's live feed (MQTT map tiles) to ValueChain.</summary>
public static class V2VObstacleFeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds the live obstacle feed: <see cref="ObstacleFeedOptions"/> through <see cref="IOptions{TOptions}"/>, checked at
    /// start-up by <see cref="ObstacleFeedOptionsValidator"/>, and <see cref="ObstacleFeedFactory"/> (registered with
    /// TryAdd) over the registered <see cref="IV2VContract"/> (<c>AddV2V</c>) and <see cref="IContentStore"/>.
    /// </summary>
    /// <remarks>One call may bring settings; calling it again without arguments changes nothing, and a second call with settings is refused.</remarks>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configure">Sets the options; null keeps the defaults and what configuration binds elsewhere.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddV2VObstacleFeed</c> call brought settings, and this one does too.</exception>
    public static ValueChainBuilder AddV2VObstacleFeed(this ValueChainBuilder builder, Action<ObstacleFeedOptions>? configure = null) =>
        ApplicationOptionsRegistration.AddApplication<ObstacleFeedOptions, ObstacleFeedOptionsValidator>(builder, nameof(AddV2VObstacleFeed), configure, RegisterServices);

    /// <summary>
    /// Adds the live obstacle feed as <see cref="AddV2VObstacleFeed(ValueChainBuilder, Action{ObstacleFeedOptions}?)"/>
    /// does, with <see cref="ObstacleFeedOptions"/> bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("ValueChain:V2V:Feed")</c>).
    /// </summary>
    /// <param name="builder">The ValueChain builder.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <exception cref="ConfigurationException">An earlier <c>AddV2VObstacleFeed</c> call brought settings.</exception>
    public static ValueChainBuilder AddV2VObstacleFeed(this ValueChainBuilder builder, IConfiguration configuration) =>
        ApplicationOptionsRegistration.AddApplication<ObstacleFeedOptions, ObstacleFeedOptionsValidator>(builder, nameof(AddV2VObstacleFeed), configuration, RegisterServices);

    private static void RegisterServices(IServiceCollection services)
    {
        services.TryAddSingleton(provider => new ObstacleFeedFactory(
            provider.GetRequiredService<IV2VContract>(), provider.GetRequiredService<IContentStore>(),
            provider.GetRequiredService<IOptions<ObstacleFeedOptions>>().Value, provider.GetService<ILoggerFactory>()));
    }
}
