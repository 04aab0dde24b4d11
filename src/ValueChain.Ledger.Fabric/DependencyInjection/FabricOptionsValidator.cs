using Microsoft.Extensions.Options;
using ValueChain.Ledger.Fabric.Client;

namespace ValueChain.Ledger.Fabric;

/// <summary>Checks <see cref="FabricOptions"/> at start-up, naming every setting that is missing or wrong.</summary>
public sealed class FabricOptionsValidator : IValidateOptions<FabricOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FabricOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Channel))
        {
            failures.Add("FabricOptions.Channel is required (the channel the chaincodes run on).");
        }

        if (options.Peers.Count == 0)
        {
            failures.Add("FabricOptions.Peers needs at least one peer (endorsement, queries, commit status).");
        }

        failures.AddRange(options.Peers.Append(options.Orderer)
            .Where(e => !Uri.TryCreate(e.Address, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
            .Select(e => $"The Fabric endpoint '{e.Address}' must be an http:// or https:// address (FabricOptions.Peers / FabricOptions.Orderer)."));

        foreach (FabricEndpoint endpoint in options.Peers.Append(options.Orderer))
        {
            try
            {
                if (Uri.TryCreate(endpoint.Address, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https")
                {
                    using SocketsHttpHandler handler = FabricChannels.Handler(endpoint, uri);
                }
            }
            catch (ConfigurationException e)
            {
                failures.Add(e.Message + " (FabricOptions.Peers / FabricOptions.Orderer)");
            }
        }

        if (string.IsNullOrWhiteSpace(options.MspId))
        {
            failures.Add("FabricOptions.MspId is required (the MSP of the client identity).");
        }

        if (string.IsNullOrWhiteSpace(options.CertificatePem))
        {
            failures.Add("FabricOptions.CertificatePem is required (the client identity's X.509 certificate).");
        }
        else if (!string.IsNullOrWhiteSpace(options.MspId))
        {
            try
            {
                _ = new FabricIdentity(options.MspId, options.CertificatePem);
            }
            catch (ValueChainException e)
            {
                failures.Add(e.Message);
            }
        }

        if (options.Signer is null)
        {
            failures.Add("FabricOptions.Signer is required (the client identity's P-256 signer, for example EcdsaP256Signer.FromPem).");
        }

        if (options.CommitTimeout <= TimeSpan.Zero)
        {
            failures.Add($"FabricOptions.CommitTimeout must be positive, not {options.CommitTimeout}.");
        }

        if (options.EndorsementPolicy is { } policy)
        {
            try
            {
                EndorsementPolicy.Parse(policy);
            }
            catch (ValueChainFormatException e)
            {
                failures.Add($"FabricOptions.EndorsementPolicy: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
