namespace ValueChain.Flexibility;

/// <summary>
/// The on-ledger operations of the flexibility market (so far: the whitelist and the token). Invalid
/// calls (not whitelisted, wrong role, insufficient balance or allowance, malformed input) throw a
/// <see cref="ChaincodeException"/> with a stable code and change nothing.
/// </summary>
public interface IFlexibilityContract
{
    /// <summary>Whitelists a participant (verifiers only).</summary>
    Task<FlexibilityReceipt> AddParticipantAsync(ISigner verifier, Address participant, MarketRole role, string name, CancellationToken cancellationToken = default);

    /// <summary>Removes a participant from the whitelist (verifiers only).</summary>
    Task<FlexibilityReceipt> RemoveParticipantAsync(ISigner verifier, Address participant, CancellationToken cancellationToken = default);

    /// <summary>Whitelists a secp256k1 meter by address, for EIP-712 records (verifiers only).</summary>
    Task<FlexibilityReceipt> AddMeterAsync(ISigner verifier, Address meter, CancellationToken cancellationToken = default);

    /// <summary>Whitelists a P-256 meter by its 65-byte public key, installed at <paramref name="location"/>, for OCMF records (verifiers only).</summary>
    Task<FlexibilityReceipt> AddP256MeterAsync(ISigner verifier, byte[] publicKey, Hash32 location, CancellationToken cancellationToken = default);

    /// <summary>Removes a meter (by address or P-256 meter id) from the whitelist (verifiers only).</summary>
    Task<FlexibilityReceipt> RemoveMeterAsync(ISigner verifier, Address meterId, CancellationToken cancellationToken = default);

    /// <summary>A whitelisted participant, or null.</summary>
    Task<MarketParticipant?> GetParticipantAsync(Address address, CancellationToken cancellationToken = default);

    /// <summary>A whitelisted meter, or null.</summary>
    Task<WhitelistedMeter?> GetMeterAsync(Address meterId, CancellationToken cancellationToken = default);

    /// <summary>Creates tokens (verifiers only).</summary>
    Task<FlexibilityReceipt> MintAsync(ISigner verifier, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 transfer from the caller.</summary>
    Task<FlexibilityReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 approve: <paramref name="spender"/> may move up to <paramref name="amount"/> of the caller's tokens (2^256 − 1 is unlimited).</summary>
    Task<FlexibilityReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>ERC-20 transferFrom by an approved spender.</summary>
    Task<FlexibilityReceipt> TransferFromAsync(ISigner spender, Address from, Address recipient, UInt256 amount, CancellationToken cancellationToken = default);

    /// <summary>A token balance.</summary>
    Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default);

    /// <summary>What <paramref name="spender"/> may still move of <paramref name="owner"/>'s tokens.</summary>
    Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default);

    /// <summary>All tokens in existence.</summary>
    Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes an offer (fleet operators, offering stage, gate open); the receipt carries its id.</summary>
    Task<FlexibilityReceipt> MakeOfferAsync(ISigner fleetOperator, OfferRequest offer, CancellationToken cancellationToken = default);

    /// <summary>In a committed-offer market, makes an offer by its hash commitment (<see cref="OfferRequest.Commit"/>); the receipt carries its id.</summary>
    Task<FlexibilityReceipt> MakeCommittedOfferAsync(ISigner fleetOperator, Hash32 commitment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reveals a committed offer's terms and confirms its result (its fleet operator, contract-creation stage):
    /// the terms must hash to the commitment; a best bid below the revealed ask is no sale and the offer expires.
    /// </summary>
    Task<FlexibilityReceipt> RevealAndCreateContractAsync(ISigner fleetOperator, long offerId, OfferRequest terms, Hash32 salt, CancellationToken cancellationToken = default);

    /// <summary>Bids on an offer of this round (TSO or DSO, bidding stage, gate open, at least the asking price).</summary>
    Task<FlexibilityReceipt> BidAsync(ISigner bidder, long offerId, UInt256 price, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms an offer's result (its fleet operator, contract-creation stage of the offer's round): with a bid,
    /// moves the winning bid and the penalty into the payment contract's escrow; without, the offer expires.
    /// </summary>
    Task<FlexibilityReceipt> CreateContractAsync(ISigner fleetOperator, long offerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks an offer's payment contract to pay for an EIP-712 record signed by a meter. A record that fails a
    /// check pays nothing and comes back as <see cref="FlexibilityReceipt.Rejection"/>, recorded for all to see.
    /// </summary>
    Task<FlexibilityReceipt> RequestPaymentAsync(ISigner fleetOperator, long offerId, EnergyTransferRecord record, RecoverableSignature signature, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="RequestPaymentAsync"/>, for an OCMF record and its meter's P-256 key.</summary>
    Task<FlexibilityReceipt> RequestOcmfPaymentAsync(ISigner fleetOperator, long offerId, string ocmfRecord, byte[] meterPublicKey, CancellationToken cancellationToken = default);

    /// <summary>After the deadline, the buyer takes what is left of payment and penalty; before, it fails.</summary>
    Task<FlexibilityReceipt> EnforcePenaltyAsync(ISigner buyer, long offerId, CancellationToken cancellationToken = default);

    /// <summary>The payment requests of an offer that were refused.</summary>
    Task<IReadOnlyList<PaymentRejection>> GetPaymentRejectionsAsync(long offerId, CancellationToken cancellationToken = default);

    /// <summary>An offer, or null.</summary>
    Task<FlexibilityOffer?> GetOfferAsync(long offerId, CancellationToken cancellationToken = default);

    /// <summary>An offer's payment contract, or null.</summary>
    Task<PaymentContract?> GetPaymentContractAsync(long offerId, CancellationToken cancellationToken = default);

    /// <summary>The market's round and stage at the current ledger time.</summary>
    Task<MarketPhase> GetPhaseAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The spender that traders approve once before trading (the payment approval): the platform, which
    /// collects winning bids and penalties. A derived address on the chaincode drivers; the platform
    /// contract's address on Ethereum.
    /// </summary>
    Address PlatformAddress { get; }
}
