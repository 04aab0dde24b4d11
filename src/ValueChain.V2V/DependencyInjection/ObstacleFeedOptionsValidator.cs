using Microsoft.Extensions.Options;

namespace ValueChain.V2V;

/// <summary>
/// Checks <see cref="ObstacleFeedOptions"/> at start-up, with messages that name the setting and its range. The
/// publisher and the subscriber check their options with the same rules when they are built by hand.
/// </summary>
public sealed class ObstacleFeedOptionsValidator : IValidateOptions<ObstacleFeedOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ObstacleFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when <paramref name="options"/> break a rule of <see cref="Validate"/>.</summary>
    /// <exception cref="ConfigurationException">The options are invalid; the message lists every failure.</exception>
    public static void ThrowIfInvalid(ObstacleFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join(" ", failures));
        }
    }

    private static List<string> Failures(ObstacleFeedOptions options)
    {
        var failures = new List<string>();
        if (options.TileSizeMicrodegrees is < 100 or > 1_000_000)
        {
            failures.Add($"ObstacleFeedOptions.TileSizeMicrodegrees must be 100 to 1 000 000 microdegrees, not {options.TileSizeMicrodegrees}.");
        }

        if (options.MaxConcurrentPublications is < 1 or > 4096)
        {
            failures.Add($"ObstacleFeedOptions.MaxConcurrentPublications must be 1 to 4096, not {options.MaxConcurrentPublications}.");
        }

        return failures;
    }
}
