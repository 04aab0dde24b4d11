using System.Text;
using System.Text.Json;
using ValueChain.Flexibility;
using ValueChain.Ledger.Ethereum.Contracts;

namespace ValueChain.Ledger.Ethereum.Flexibility;

/// <summary>
/// <see cref="IFlexibilityContract"/> over the market's Solidity contracts (FlexWhitelist, FlexToken,
/// FlexPlatform and one FlexPayment clone per contracted offer) through their generated bindings. Each
/// call is a transaction of the signer it names; refusals arrive as <see cref="ChaincodeException"/>s
/// with the same codes as on the chaincode drivers, and recorded payment rejections come back in the
/// receipt as there.
/// </summary>
public sealed class FlexibilityEthereumAdapter : IFlexibilityContract
{
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private readonly SignerClients _clients;
    private readonly FlexibilityContracts _contracts;
    private readonly ContractEvents _events;

    /// <summary>Binds the market deployed at <paramref name="contracts"/>, sending through <paramref name="clients"/>.</summary>
    public FlexibilityEthereumAdapter(SignerClients clients, FlexibilityContracts contracts)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _contracts = contracts ?? throw new ArgumentNullException(nameof(contracts));
        _events = new ContractEvents(
            [.. FlexWhitelist.Events, .. FlexToken.Events, .. FlexPlatform.Events, .. FlexPayment.Events],
            address => address == contracts.Whitelist ? nameof(FlexWhitelist)
                : address == contracts.Token ? nameof(FlexToken)
                : address == contracts.Platform ? nameof(FlexPlatform)
                : nameof(FlexPayment));
    }

    /// <summary>The contracts this adapter binds.</summary>
    public FlexibilityContracts Contracts => _contracts;

    /// <inheritdoc />
    public Address PlatformAddress => _contracts.Platform;

    // ---- Whitelist ----

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddParticipantAsync(ISigner verifier, Address participant, MarketRole role, string name, CancellationToken cancellationToken = default) =>
        SendAsync(() => Whitelist(verifier).AddParticipantAsync(participant, (byte)role, name ?? "", cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RemoveParticipantAsync(ISigner verifier, Address participant, CancellationToken cancellationToken = default) =>
        SendAsync(() => Whitelist(verifier).RemoveParticipantAsync(participant, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddMeterAsync(ISigner verifier, Address meter, CancellationToken cancellationToken = default) =>
        SendAsync(() => Whitelist(verifier).AddMeterAsync(meter, Hash32.Zero, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddP256MeterAsync(ISigner verifier, byte[] publicKey, Hash32 location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return SendAsync(() => Whitelist(verifier).AddP256MeterAsync(publicKey, location, cancellationToken));
    }

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RemoveMeterAsync(ISigner verifier, Address meterId, CancellationToken cancellationToken = default) =>
        SendAsync(() => Whitelist(verifier).RemoveMeterAsync(meterId, cancellationToken));

    /// <inheritdoc />
    public async Task<MarketParticipant?> GetParticipantAsync(Address address, CancellationToken cancellationToken = default)
    {
        FlexWhitelist.Participant participant = await Whitelist(null).ParticipantAsync(address, cancellationToken).ConfigureAwait(false);
        return participant.Role == 0 ? null : new MarketParticipant(participant.Account, (MarketRole)participant.Role, participant.Name);
    }

    /// <inheritdoc />
    public async Task<WhitelistedMeter?> GetMeterAsync(Address meterId, CancellationToken cancellationToken = default)
    {
        FlexWhitelist.Meter meter = await Whitelist(null).MeterAsync(meterId, cancellationToken).ConfigureAwait(false);
        if (!meter.Listed)
        {
            return null;
        }

        return meter.P256PublicKey.Length == 0
            ? new WhitelistedMeter(meterId, null, null)
            : new WhitelistedMeter(meterId, Hex.Encode(meter.P256PublicKey), meter.Location);
    }

    // ---- Token ----

    /// <inheritdoc />
    public Task<FlexibilityReceipt> MintAsync(ISigner verifier, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SendAsync(() => Token(verifier).MintAsync(recipient, amount, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SendAsync(() => Token(sender).TransferAsync(recipient, amount, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default) =>
        SendAsync(() => Token(owner).ApproveAsync(spender, amount, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> TransferFromAsync(ISigner spender, Address from, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SendAsync(() => Token(spender).TransferFromAsync(from, recipient, amount, cancellationToken));

    /// <inheritdoc />
    public Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default) => Token(null).BalanceOfAsync(owner, cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) => Token(null).AllowanceAsync(owner, spender, cancellationToken);

    /// <inheritdoc />
    public Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default) => Token(null).TotalSupplyAsync(cancellationToken);

    // ---- Platform ----

    /// <inheritdoc />
    public Task<FlexibilityReceipt> MakeOfferAsync(ISigner fleetOperator, OfferRequest offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return OfferAsync(() => Platform(fleetOperator).MakeOfferAsync(TermsOf(offer), cancellationToken));
    }

    /// <inheritdoc />
    public Task<FlexibilityReceipt> MakeCommittedOfferAsync(ISigner fleetOperator, Hash32 commitment, CancellationToken cancellationToken = default) =>
        OfferAsync(() => Platform(fleetOperator).MakeCommittedOfferAsync(commitment, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> BidAsync(ISigner bidder, long offerId, UInt256 price, CancellationToken cancellationToken = default) =>
        SendAsync(() => Platform(bidder).BidAsync(Id(offerId), price, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> CreateContractAsync(ISigner fleetOperator, long offerId, CancellationToken cancellationToken = default) =>
        SendAsync(() => Platform(fleetOperator).CreateContractAsync(Id(offerId), new FlexPlatform.FlexPlatformTerms(0, 0, 0, Hash32.Zero, 0, 0, UInt256.Zero, UInt256.Zero), Hash32.Zero, cancellationToken));

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RevealAndCreateContractAsync(ISigner fleetOperator, long offerId, OfferRequest terms, Hash32 salt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return SendAsync(() => Platform(fleetOperator).CreateContractAsync(Id(offerId), TermsOf(terms), salt, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<FlexibilityOffer?> GetOfferAsync(long offerId, CancellationToken cancellationToken = default)
    {
        FlexPlatform.Offer offer = await Platform(null).OfferAsync(Id(offerId), cancellationToken).ConfigureAwait(false);
        if (offer.Status == 0)
        {
            return null;
        }

        FlexPlatform.FlexPlatformTerms t = offer.Terms;
        OfferTerms? terms = t.EnergyWh == 0 ? null
            : new OfferTerms(offer.FleetOperator, DateOnly.FromDayNumber(EpochDay + (int)t.DeliveryDate), t.StartSlot, t.SlotCount, t.Location, (FlexibilityDirection)t.Direction, t.EnergyWh);
        return new FlexibilityOffer(
            offerId, (long)offer.Round, offer.FleetOperator, offer.Commitment.IsZero ? null : offer.Commitment, terms, t.AskingPrice, t.Penalty,
            (OfferStatus)offer.Status, offer.BestBidder, offer.BestPrice, (int)offer.Bids);
    }

    /// <inheritdoc />
    public async Task<MarketPhase> GetPhaseAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = await LatestBlockTimeAsync(cancellationToken).ConfigureAwait(false);
        FlexPlatform.PhaseAtOutput phase = await Platform(null).PhaseAtAsync((ulong)now.ToUnixTimeSeconds(), cancellationToken).ConfigureAwait(false);
        return new MarketPhase((long)phase.Round, (MarketStage)phase.Stage, phase.GateOpen, DateTimeOffset.FromUnixTimeSeconds((long)phase.StageEnds));
    }

    // ---- Payment contracts ----

    /// <inheritdoc />
    public async Task<FlexibilityReceipt> RequestPaymentAsync(ISigner fleetOperator, long offerId, EnergyTransferRecord record, RecoverableSignature signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        FlexPayment payment = await PaymentAsync(fleetOperator, offerId, cancellationToken).ConfigureAwait(false);
        var onChain = new FlexPayment.Record(
            record.FleetOperator, Day(record.DeliveryDate), checked((ushort)record.StartSlot), record.Location, (byte)record.Direction, record.EnergyWh, record.Nonce,
            (ulong)Math.Max(0, record.ReadingTime.ToUnixTimeSeconds()));
        return await PaymentReceiptAsync(offerId, () => payment.RequestPaymentAsync(onChain, signature.V, signature.R, signature.S, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<FlexibilityReceipt> RequestOcmfPaymentAsync(ISigner fleetOperator, long offerId, string ocmfRecord, byte[] meterPublicKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ocmfRecord);
        ArgumentNullException.ThrowIfNull(meterPublicKey);
        FlexPayment payment = await PaymentAsync(fleetOperator, offerId, cancellationToken).ConfigureAwait(false);
        (byte[] payload, Hash32 r, Hash32 s) = OcmfSubmission(ocmfRecord);
        return await PaymentReceiptAsync(offerId, () => payment.RequestOcmfPaymentAsync(payload, r, s, meterPublicKey, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<FlexibilityReceipt> EnforcePenaltyAsync(ISigner buyer, long offerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        // The payment contract checks the caller's role first; without a contract, so does this adapter.
        byte role = await Whitelist(null).RoleOfAsync(buyer.Address, cancellationToken).ConfigureAwait(false);
        if (role != (byte)MarketRole.Verifier && role != (byte)MarketRole.Dso)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{buyer.Address} is neither a verifier nor a DSO; only the buyer may enforce a penalty.");
        }

        FlexPayment payment = await PaymentAsync(buyer, offerId, cancellationToken).ConfigureAwait(false);
        return await SendAsync(() => payment.EnforcePenaltyAsync(cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaymentRejection>> GetPaymentRejectionsAsync(long offerId, CancellationToken cancellationToken = default)
    {
        Address escrow = (await Platform(null).OfferAsync(Id(offerId), cancellationToken).ConfigureAwait(false)).Payment;
        if (escrow == Address.Zero)
        {
            return [];
        }

        IReadOnlyList<FlexPayment.Rejection> rejections = await new FlexPayment(_clients.Reader, escrow).RejectionsAsync(cancellationToken).ConfigureAwait(false);
        return [.. rejections.Select(r => new PaymentRejection(offerId, (EtrRejection)r.Reason, r.Caller, DateTimeOffset.FromUnixTimeSeconds((long)r.Time)))];
    }

    /// <inheritdoc />
    public async Task<PaymentContract?> GetPaymentContractAsync(long offerId, CancellationToken cancellationToken = default)
    {
        Address escrow = (await Platform(null).OfferAsync(Id(offerId), cancellationToken).ConfigureAwait(false)).Payment;
        if (escrow == Address.Zero)
        {
            return null;
        }

        var payment = new FlexPayment(_clients.Reader, escrow);
        return new PaymentContract(
            offerId,
            await payment.BuyerAsync(cancellationToken).ConfigureAwait(false),
            await payment.FleetOperatorAsync(cancellationToken).ConfigureAwait(false),
            escrow,
            await payment.PaymentAsync(cancellationToken).ConfigureAwait(false),
            await payment.PenaltyAsync(cancellationToken).ConfigureAwait(false),
            await payment.PaidAsync(cancellationToken).ConfigureAwait(false),
            await payment.PenaltyReleasedAsync(cancellationToken).ConfigureAwait(false),
            await payment.DeliveredWhAsync(cancellationToken).ConfigureAwait(false),
            DateTimeOffset.FromUnixTimeSeconds((long)await payment.DeadlineAsync(cancellationToken).ConfigureAwait(false)),
            await payment.SettledAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// What the contract takes for an OCMF record: the payload bytes exactly as signed and the P-256 signature as
    /// (r, low s). A record that does not parse, or whose signature is not a P-256 DER signature, is sent with a zero
    /// signature, so that the contract records it as <see cref="EtrRejection.InvalidSignature"/> as the chaincode does.
    /// </summary>
    internal static (byte[] Payload, Hash32 R, Hash32 S) OcmfSubmission(string ocmfRecord)
    {
        try
        {
            OcmfRecord parsed = OcmfRecord.Parse(ocmfRecord);
            byte[] payload = Encoding.UTF8.GetBytes(parsed.Payload);
            return parsed.LowSSignature() is { } signature
                ? (payload, new Hash32(signature.AsSpan(0, 32)), new Hash32(signature.AsSpan(32, 32)))
                : (payload, Hash32.Zero, Hash32.Zero);
        }
        catch (ValueChainFormatException)
        {
            return (Encoding.UTF8.GetBytes(ocmfRecord), Hash32.Zero, Hash32.Zero);
        }
    }

    private async Task<FlexPayment> PaymentAsync(ISigner caller, long offerId, CancellationToken cancellationToken)
    {
        FlexPlatform.Offer offer = await Platform(null).OfferAsync(Id(offerId), cancellationToken).ConfigureAwait(false);
        return offer.Payment == Address.Zero
            ? throw new ChaincodeException(ErrorCodes.NotFound, $"Offer {offerId} has no payment contract.")
            : new FlexPayment(_clients.For(caller), offer.Payment);
    }

    private async Task<FlexibilityReceipt> PaymentReceiptAsync(long offerId, Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt = await ContractFailures.AsChaincodeAsync(send).ConfigureAwait(false);
        FlexibilityReceipt market = ReceiptOf(receipt);
        if (receipt.Logs.Select(log => FlexPayment.PaymentRejectedEvent.TryDecode(log, out FlexPayment.PaymentRejectedEvent? e) ? e : null).FirstOrDefault(e => e is not null) is not { } rejected)
        {
            return market;
        }

        DateTimeOffset time = await BlockTimeAsync(receipt.BlockNumber, cancellationToken).ConfigureAwait(false);
        return market with { Rejection = new PaymentRejection(offerId, (EtrRejection)rejected.Reason, rejected.Caller, time) };
    }

    private async Task<FlexibilityReceipt> OfferAsync(Func<Task<TransactionReceipt>> send)
    {
        TransactionReceipt receipt = await ContractFailures.AsChaincodeAsync(send).ConfigureAwait(false);
        FlexPlatform.OfferMadeEvent made = FlexPlatform.OfferMadeEvent.FromReceipt(receipt, _contracts.Platform).Single();
        return ReceiptOf(receipt) with { OfferId = (long)(ulong)made.OfferId };
    }

    private async Task<FlexibilityReceipt> SendAsync(Func<Task<TransactionReceipt>> send) =>
        ReceiptOf(await ContractFailures.AsChaincodeAsync(send).ConfigureAwait(false));

    private FlexibilityReceipt ReceiptOf(TransactionReceipt receipt) =>
        new(new TxId(receipt.TransactionHash), (long)receipt.BlockNumber, _events.Of(receipt));

    private Task<DateTimeOffset> LatestBlockTimeAsync(CancellationToken cancellationToken) => BlockTimeAsync(null, cancellationToken);

    private async Task<DateTimeOffset> BlockTimeAsync(ulong? block, CancellationToken cancellationToken)
    {
        JsonElement header = await _clients.Rpc.CallAsync("eth_getBlockByNumber", [block is { } number ? Quantity.From(number) : "latest", false], cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeSeconds((long)Quantity.ToUInt64(header.GetProperty("timestamp")));
    }

    private FlexWhitelist Whitelist(ISigner? signer) => new(Client(signer), _contracts.Whitelist);

    private FlexToken Token(ISigner? signer) => new(Client(signer), _contracts.Token);

    private FlexPlatform Platform(ISigner? signer) => new(Client(signer), _contracts.Platform);

    private EthereumClient Client(ISigner? signer) => signer is null ? _clients.Reader : _clients.For(signer);

    private static UInt256 Id(long offerId) => offerId < 0 ? throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Offer id {offerId} is negative.") : new UInt256((ulong)offerId);

    private static uint Day(DateOnly date) => checked((uint)(date.DayNumber - EpochDay));

    private static FlexPlatform.FlexPlatformTerms TermsOf(OfferRequest offer) =>
        offer.StartSlot is < 0 or > ushort.MaxValue || offer.SlotCount is < 0 or > ushort.MaxValue || offer.DeliveryDate.DayNumber < EpochDay
            ? throw new ChaincodeException(ErrorCodes.InvalidFormat, "An offer needs slots within the day (0-95) and a delivery date from 1970 on.")
            : new FlexPlatform.FlexPlatformTerms(Day(offer.DeliveryDate), (ushort)offer.StartSlot, (ushort)offer.SlotCount, offer.Location, (byte)offer.Direction, offer.EnergyWh, offer.AskingPrice, offer.Penalty);
}
