namespace ValueChain.Flexibility;

/// <summary>What a market participant's application calls: the market bound to that participant's signer.</summary>
public sealed class FlexibilityClient
{
    private readonly IFlexibilityContract _market;
    private readonly ISigner _signer;

    /// <summary>Creates a client acting as <paramref name="signer"/>.</summary>
    public FlexibilityClient(IFlexibilityContract market, ISigner signer)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(signer);
        _market = market;
        _signer = signer;
    }

    /// <summary>The acting participant's address.</summary>
    public Address Address => _signer.Address;

    /// <summary>The port, for queries.</summary>
    public IFlexibilityContract Market => _market;

    /// <summary>Approves the platform once for all trading (unlimited), as the market requires before contracts.</summary>
    public Task<FlexibilityReceipt> ApprovePlatformAsync(CancellationToken cancellationToken = default) =>
        _market.ApproveAsync(_signer, _market.PlatformAddress, UInt256.MaxValue, cancellationToken);

    /// <summary>This participant's token balance.</summary>
    public Task<UInt256> BalanceAsync(CancellationToken cancellationToken = default) => _market.BalanceOfAsync(Address, cancellationToken);

    /// <summary>Makes an offer (fleet operators); the receipt carries its id.</summary>
    public Task<FlexibilityReceipt> OfferAsync(OfferRequest offer, CancellationToken cancellationToken = default) => _market.MakeOfferAsync(_signer, offer, cancellationToken);

    /// <summary>Bids on an offer (TSO or DSO).</summary>
    public Task<FlexibilityReceipt> BidAsync(long offerId, UInt256 price, CancellationToken cancellationToken = default) => _market.BidAsync(_signer, offerId, price, cancellationToken);

    /// <summary>Confirms an offer's result (its fleet operator).</summary>
    public Task<FlexibilityReceipt> CreateContractAsync(long offerId, CancellationToken cancellationToken = default) => _market.CreateContractAsync(_signer, offerId, cancellationToken);

    /// <summary>Requests payment for an EIP-712 record (its fleet operator).</summary>
    public Task<FlexibilityReceipt> RequestPaymentAsync(long offerId, EnergyTransferRecord record, RecoverableSignature signature, CancellationToken cancellationToken = default) =>
        _market.RequestPaymentAsync(_signer, offerId, record, signature, cancellationToken);

    /// <summary>Requests payment for an OCMF record (its fleet operator).</summary>
    public Task<FlexibilityReceipt> RequestOcmfPaymentAsync(long offerId, string ocmfRecord, byte[] meterPublicKey, CancellationToken cancellationToken = default) =>
        _market.RequestOcmfPaymentAsync(_signer, offerId, ocmfRecord, meterPublicKey, cancellationToken);

    /// <summary>Takes what is left of an offer's payment and penalty after its deadline (its buyer).</summary>
    public Task<FlexibilityReceipt> EnforcePenaltyAsync(long offerId, CancellationToken cancellationToken = default) => _market.EnforcePenaltyAsync(_signer, offerId, cancellationToken);
}
