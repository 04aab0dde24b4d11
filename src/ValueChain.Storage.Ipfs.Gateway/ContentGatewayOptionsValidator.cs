using System.Net;
using Microsoft.Extensions.Options;

namespace ValueChain.Storage.Ipfs.Gateway;

/// <summary>Checks <see cref="ContentGatewayOptions"/> at start-up with messages that say what to change.</summary>
public sealed class ContentGatewayOptionsValidator : IValidateOptions<ContentGatewayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ContentGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.Address, out IPAddress? address))
        {
            failures.Add($"ContentGatewayOptions.Address '{options.Address}' is not an IP address (for example 127.0.0.1).");
        }
        else if (!IPAddress.IsLoopback(address) && !options.AllowRemote)
        {
            failures.Add($"ContentGatewayOptions.Address {address} is not a loopback address: set AllowRemote = true to serve the store to other hosts.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"ContentGatewayOptions.Port {options.Port} must be between 0 (any free port) and 65535.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
