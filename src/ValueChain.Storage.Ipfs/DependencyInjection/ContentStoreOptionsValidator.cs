using Microsoft.Extensions.Options;

namespace ValueChain.Storage.Ipfs;

/// <summary>Checks <see cref="ContentStoreOptions"/> at start-up with messages that say what to change.</summary>
public sealed class ContentStoreOptionsValidator : IValidateOptions<ContentStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ContentStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Directory is { } directory && string.IsNullOrWhiteSpace(directory))
        {
            failures.Add("ContentStoreOptions.Directory must be a path, or null for an in-memory store.");
        }

        if (options.KuboApi is { } kubo && (!kubo.IsAbsoluteUri || kubo.Scheme is not ("http" or "https")))
        {
            failures.Add($"ContentStoreOptions.KuboApi '{kubo}' must be an absolute http or https URL (for example http://127.0.0.1:5001).");
        }
        else if (options.KuboApi is not null && options.Directory is not null)
        {
            failures.Add("ContentStoreOptions.KuboApi and Directory are both set: a Kubo node keeps its own blocks; set one of them.");
        }

        if (options.Profile is null)
        {
            failures.Add("ContentStoreOptions.Profile must be set (for example UnixFsProfile.UnixFsV1Of2025).");
        }
        else if (options.Profile.Validate() is { } problem)
        {
            failures.Add($"ContentStoreOptions.Profile: {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
