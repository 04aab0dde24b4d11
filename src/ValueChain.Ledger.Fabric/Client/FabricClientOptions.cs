namespace ValueChain.Ledger.Fabric;

/// <summary>Where a <see cref="FabricClient"/> sends proposals and transactions.</summary>
public sealed class FabricClientOptions
{
    /// <summary>The channel (for example "valuechain").</summary>
    public string Channel { get; set; } = "";

    /// <summary>The peers that endorse every transaction (all of them must agree); the first also answers queries and reports commits.</summary>
    public IList<FabricEndpoint> Peers { get; } = [];

    /// <summary>
    /// The chaincode's endorsement policy; when set, every peer is asked and those that are down or refuse are
    /// skipped as long as the peers that endorsed satisfy it. Null (the default): every peer must endorse.
    /// </summary>
    public EndorsementPolicy? EndorsementPolicy { get; set; }

    /// <summary>The orderer that takes endorsed transactions.</summary>
    public FabricEndpoint Orderer { get; set; } = new();

    /// <summary>How long a submit waits for its transaction to commit.</summary>
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock that stamps proposals; Fabric's ledger time is the submitting client's timestamp.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ConfigurationException">Something required is missing, with what.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Channel))
        {
            throw new ConfigurationException("FabricClientOptions.Channel is required (the channel the chaincodes run on).");
        }

        if (Peers.Count == 0)
        {
            throw new ConfigurationException("FabricClientOptions.Peers needs at least one peer to endorse and answer queries.");
        }

        if (string.IsNullOrWhiteSpace(Orderer.Address))
        {
            throw new ConfigurationException("FabricClientOptions.Orderer.Address is required (where endorsed transactions go).");
        }

        if (CommitTimeout <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"FabricClientOptions.CommitTimeout must be positive, not {CommitTimeout}.");
        }
    }
}
