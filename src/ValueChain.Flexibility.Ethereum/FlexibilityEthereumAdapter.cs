using System.Text;
using ValueChain.Ledger.Ethereum;
using ValueChain.Flexibility.Ethereum.Contracts;

namespace ValueChain.Flexibility.Ethereum;

/// <summary>
/// <see cref="IFlexibilityContract"/> over the market's Solidity contracts (FlexWhitelist, FlexToken,
/// FlexPlatform and one FlexPayment clone per contracted offer) through their generated bindings. Each
/// call is a transaction of the signer it names; refusals arrive as <see cref="ChaincodeException"/>s
/// with the same codes as on the chaincode drivers, and recorded payment rejections come back in the
/// receipt as there. Events carry the chaincode's names and payloads under <see cref="FlexibilityChaincode.ChaincodeName"/>.
/// </summary>
public sealed class FlexibilityEthereumAdapter : ApplicationAdapter, IFlexibilityContract
{
    internal static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private readonly FlexibilityContracts _contracts;
    private readonly FlexibilityEventTranslator _translator;

    /// <summary>Binds the market deployed at <paramref name="contracts"/>, sending through <paramref name="clients"/>.</summary>
    public FlexibilityEthereumAdapter(SignerClients clients, FlexibilityContracts contracts)
        : base(clients, FlexibilityChaincode.ChaincodeName, 0)
    {
        _contracts = contracts ?? throw new ArgumentNullException(nameof(contracts));
        _translator = new FlexibilityEventTranslator(clients, contracts);
    }

    /// <summary>The contracts this adapter binds.</summary>
    public FlexibilityContracts Contracts => _contracts;

    /// <inheritdoc />
    public Address PlatformAddress => _contracts.Platform;

    // ---- Whitelist ----

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddParticipantAsync(ISigner verifier, Address participant, MarketRole role, string name, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Whitelist(verifier).AddParticipantAsync(participant, (byte)role, name ?? "", cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RemoveParticipantAsync(ISigner verifier, Address participant, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Whitelist(verifier).RemoveParticipantAsync(participant, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddMeterAsync(ISigner verifier, Address meter, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Whitelist(verifier).AddMeterAsync(meter, Hash32.Zero, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddP256MeterAsync(ISigner verifier, byte[] publicKey, Hash32 location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return SubmitAsync(() => Whitelist(verifier).AddP256MeterAsync(publicKey, location, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RemoveMeterAsync(ISigner verifier, Address meterId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Whitelist(verifier).RemoveMeterAsync(meterId, cancellationToken), cancellationToken);

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

        return MeterOf(meterId, meter.P256PublicKey, meter.Location);
    }

    /// <summary>The port's model of a whitelisted meter: a meter known by its address carries neither key nor location.</summary>
    internal static WhitelistedMeter MeterOf(Address meterId, byte[] p256PublicKey, Hash32 location) =>
        p256PublicKey.Length == 0 ? new WhitelistedMeter(meterId, null, null) : new WhitelistedMeter(meterId, Hex.Encode(p256PublicKey), location);

    // ---- Token ----

    /// <inheritdoc />
    public Task<FlexibilityReceipt> MintAsync(ISigner verifier, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(verifier).MintAsync(recipient, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(sender).TransferAsync(recipient, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(owner).ApproveAsync(spender, amount, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> TransferFromAsync(ISigner spender, Address from, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Token(spender).TransferFromAsync(from, recipient, amount, cancellationToken), cancellationToken);

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
        return OfferAsync(() => Platform(fleetOperator).MakeOfferAsync(TermsOf(offer), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<FlexibilityReceipt> MakeCommittedOfferAsync(ISigner fleetOperator, Hash32 commitment, CancellationToken cancellationToken = default) =>
        OfferAsync(() => Platform(fleetOperator).MakeCommittedOfferAsync(commitment, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> BidAsync(ISigner bidder, long offerId, UInt256 price, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Platform(bidder).BidAsync(Id(offerId), price, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> CreateContractAsync(ISigner fleetOperator, long offerId, CancellationToken cancellationToken = default) =>
        SubmitAsync(() => Platform(fleetOperator).CreateContractAsync(Id(offerId), new FlexPlatform.FlexPlatformTerms(0, 0, 0, Hash32.Zero, 0, 0, UInt256.Zero, UInt256.Zero), Hash32.Zero, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RevealAndCreateContractAsync(ISigner fleetOperator, long offerId, OfferRequest terms, Hash32 salt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return SubmitAsync(() => Platform(fleetOperator).CreateContractAsync(Id(offerId), TermsOf(terms), salt, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FlexibilityOffer?> GetOfferAsync(long offerId, CancellationToken cancellationToken = default)
    {
        FlexPlatform.Offer offer = await Platform(null).OfferAsync(Id(offerId), cancellationToken).ConfigureAwait(false);
        return offer.Status == 0 ? null : OfferOf(offerId, offer);
    }

    /// <summary>The port's model of an offer the platform holds.</summary>
    internal static FlexibilityOffer OfferOf(long offerId, FlexPlatform.Offer offer)
    {
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
        return await SubmitAsync(() => payment.EnforcePenaltyAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaymentRejection>> GetPaymentRejectionsAsync(long offerId, CancellationToken cancellationToken = default)
    {
        Address escrow = (await Platform(null).OfferAsync(Id(offerId), cancellationToken).ConfigureAwait(false)).Payment;
        if (escrow == Address.Zero)
        {
            return [];
        }

        IReadOnlyList<FlexPayment.Rejection> rejections = await new FlexPayment(Clients.Reader, escrow).RejectionsAsync(cancellationToken).ConfigureAwait(false);
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

        return await PaymentContractOfAsync(Clients.Reader, offerId, escrow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The port's model of the payment contract at <paramref name="escrow"/>, as its state stands now.</summary>
    internal static async Task<PaymentContract> PaymentContractOfAsync(EthereumClient reader, long offerId, Address escrow, CancellationToken cancellationToken)
    {
        var payment = new FlexPayment(reader, escrow);
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
            : new FlexPayment(Clients.For(caller), offer.Payment);
    }

    /// <inheritdoc />
    /// <remarks>Every log of the market's transactions is the market's: the whitelist, the token, the platform and its payment clones.</remarks>
    protected override bool EmittedByApplication(Address emitter) => true;

    /// <inheritdoc />
    protected override Task<LedgerEventContent?> TranslateAsync(EthereumLog log, IReadOnlyList<EthereumLog> transactionLogs, CancellationToken cancellationToken) =>
        _translator.TranslateAsync(log, cancellationToken);

    private async Task<FlexibilityReceipt> PaymentReceiptAsync(long offerId, Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        SentTransaction sent = await SendAsync(send, cancellationToken).ConfigureAwait(false);
        FlexibilityReceipt market = ReceiptOf(sent);
        if (sent.Receipt.Logs.Select(log => FlexPayment.PaymentRejectedEvent.TryDecode(log, out FlexPayment.PaymentRejectedEvent? e) ? e : null).FirstOrDefault(e => e is not null) is not { } rejected)
        {
            return market;
        }

        DateTimeOffset time = await BlockTimeAsync(sent.Receipt.BlockNumber, cancellationToken).ConfigureAwait(false);
        return market with { Rejection = new PaymentRejection(offerId, (EtrRejection)rejected.Reason, rejected.Caller, time) };
    }

    private async Task<FlexibilityReceipt> OfferAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        SentTransaction sent = await SendAsync(send, cancellationToken).ConfigureAwait(false);
        FlexPlatform.OfferMadeEvent made = FlexPlatform.OfferMadeEvent.FromReceipt(sent.Receipt, _contracts.Platform).Single();
        return ReceiptOf(sent) with { OfferId = (long)(ulong)made.OfferId };
    }

    private async Task<FlexibilityReceipt> SubmitAsync(Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken) =>
        ReceiptOf(await SendAsync(send, cancellationToken).ConfigureAwait(false));

    private static FlexibilityReceipt ReceiptOf(SentTransaction sent) => new(sent.TransactionId, sent.BlockNumber, sent.Events);

    private FlexWhitelist Whitelist(ISigner? signer) => new(Client(signer), _contracts.Whitelist);

    private FlexToken Token(ISigner? signer) => new(Client(signer), _contracts.Token);

    private FlexPlatform Platform(ISigner? signer) => new(Client(signer), _contracts.Platform);

    private static UInt256 Id(long offerId) => offerId < 0 ? throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Offer id {offerId} is negative.") : new UInt256((ulong)offerId);

    internal static uint Day(DateOnly date) => checked((uint)(date.DayNumber - EpochDay));

    private static FlexPlatform.FlexPlatformTerms TermsOf(OfferRequest offer) =>
        offer.StartSlot is < 0 or > ushort.MaxValue || offer.SlotCount is < 0 or > ushort.MaxValue || offer.DeliveryDate.DayNumber < EpochDay
            ? throw new ChaincodeException(ErrorCodes.InvalidFormat, "An offer needs slots within the day (0-95) and a delivery date from 1970 on.")
            : new FlexPlatform.FlexPlatformTerms(Day(offer.DeliveryDate), (ushort)offer.StartSlot, (ushort)offer.SlotCount, offer.Location, (byte)offer.Direction, offer.EnergyWh, offer.AskingPrice, offer.Penalty);
}
