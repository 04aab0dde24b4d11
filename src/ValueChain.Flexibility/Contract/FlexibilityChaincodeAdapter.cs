using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

/// <summary><see cref="IFlexibilityContract"/> over a generic <see cref="IContractGateway"/> running <see cref="FlexibilityChaincode"/>.</summary>
public sealed class FlexibilityChaincodeAdapter : IFlexibilityContract
{
    private static readonly FlexibilityJsonContext Json = FlexibilityJsonContext.Default;
    private readonly ChaincodeClient _chaincode;

    /// <summary>Creates the adapter over <paramref name="gateway"/>.</summary>
    public FlexibilityChaincodeAdapter(IContractGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _chaincode = new ChaincodeClient(gateway, FlexibilityChaincode.ChaincodeName);
    }

    /// <inheritdoc />
    public Address PlatformAddress => FlexibilityChaincode.PlatformAddress;

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddParticipantAsync(ISigner verifier, Address participant, MarketRole role, string name, CancellationToken cancellationToken = default) =>
        SubmitAsync(verifier, "addParticipant", new ParticipantArgs(participant, role, name), Json.ParticipantArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RemoveParticipantAsync(ISigner verifier, Address participant, CancellationToken cancellationToken = default) =>
        SubmitAsync(verifier, "removeParticipant", new AddressArgs(participant), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddMeterAsync(ISigner verifier, Address meter, CancellationToken cancellationToken = default) =>
        SubmitAsync(verifier, "addMeter", new MeterArgs(meter, null, null), Json.MeterArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> AddP256MeterAsync(ISigner verifier, byte[] publicKey, Hash32 location, CancellationToken cancellationToken = default) =>
        SubmitAsync(verifier, "addMeter", new MeterArgs(null, Hex.Encode(publicKey), location), Json.MeterArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RemoveMeterAsync(ISigner verifier, Address meterId, CancellationToken cancellationToken = default) =>
        SubmitAsync(verifier, "removeMeter", new AddressArgs(meterId), Json.AddressArgs, cancellationToken);

    /// <inheritdoc />
    public Task<MarketParticipant?> GetParticipantAsync(Address address, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getParticipant", new AddressArgs(address), Json.AddressArgs, Json.MarketParticipant, cancellationToken);

    /// <inheritdoc />
    public Task<WhitelistedMeter?> GetMeterAsync(Address meterId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getMeter", new AddressArgs(meterId), Json.AddressArgs, Json.WhitelistedMeter, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> MintAsync(ISigner verifier, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(verifier, "mint", new AmountArgs(recipient, amount), Json.AmountArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> TransferAsync(ISigner sender, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(sender, "transfer", new AmountArgs(recipient, amount), Json.AmountArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> ApproveAsync(ISigner owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(owner, "approve", new ApproveArgs(spender, amount), Json.ApproveArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> TransferFromAsync(ISigner spender, Address from, Address recipient, UInt256 amount, CancellationToken cancellationToken = default) =>
        SubmitAsync(spender, "transferFrom", new TransferFromArgs(from, recipient, amount), Json.TransferFromArgs, cancellationToken);

    /// <inheritdoc />
    public async Task<UInt256> BalanceOfAsync(Address owner, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("balanceOf", new AddressArgs(owner), Json.AddressArgs, Json.Balance, cancellationToken))!.Value;

    /// <inheritdoc />
    public async Task<UInt256> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("allowance", new AllowanceArgs(owner, spender), Json.AllowanceArgs, Json.Balance, cancellationToken))!.Value;

    /// <inheritdoc />
    public async Task<UInt256> TotalSupplyAsync(CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("totalSupply", new AddressArgs(Address.Zero), Json.AddressArgs, Json.Balance, cancellationToken))!.Value;

    /// <inheritdoc />
    public async Task<FlexibilityReceipt> MakeOfferAsync(ISigner fleetOperator, OfferRequest offer, CancellationToken cancellationToken = default)
    {
        (FlexibilityReceipt receipt, string? result) = await SubmitWithResultAsync(fleetOperator, "makeOffer", offer, Json.OfferRequest, cancellationToken);
        return receipt with { OfferId = JsonSerializer.Deserialize(result!, Json.OfferCreated)!.OfferId };
    }

    /// <inheritdoc />
    public Task<FlexibilityReceipt> BidAsync(ISigner bidder, long offerId, UInt256 price, CancellationToken cancellationToken = default) =>
        SubmitAsync(bidder, "bid", new BidArgs(offerId, price), Json.BidArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> CreateContractAsync(ISigner fleetOperator, long offerId, CancellationToken cancellationToken = default) =>
        SubmitAsync(fleetOperator, "createContract", new CreateContractArgs(offerId, null, null), Json.CreateContractArgs, cancellationToken);

    /// <inheritdoc />
    public async Task<FlexibilityReceipt> MakeCommittedOfferAsync(ISigner fleetOperator, Hash32 commitment, CancellationToken cancellationToken = default)
    {
        (FlexibilityReceipt receipt, string? result) = await SubmitWithResultAsync(fleetOperator, "makeCommittedOffer", new CommittedOfferArgs(commitment), Json.CommittedOfferArgs, cancellationToken);
        return receipt with { OfferId = JsonSerializer.Deserialize(result!, Json.OfferCreated)!.OfferId };
    }

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RevealAndCreateContractAsync(ISigner fleetOperator, long offerId, OfferRequest terms, Hash32 salt, CancellationToken cancellationToken = default) =>
        SubmitAsync(fleetOperator, "createContract", new CreateContractArgs(offerId, terms, salt), Json.CreateContractArgs, cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RequestPaymentAsync(ISigner fleetOperator, long offerId, EnergyTransferRecord record, RecoverableSignature signature, CancellationToken cancellationToken = default) =>
        PaymentAsync(fleetOperator, new PaymentRequestArgs(offerId, record, signature.ToString(), null, null), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> RequestOcmfPaymentAsync(ISigner fleetOperator, long offerId, string ocmfRecord, byte[] meterPublicKey, CancellationToken cancellationToken = default) =>
        PaymentAsync(fleetOperator, new PaymentRequestArgs(offerId, null, null, ocmfRecord, Hex.Encode(meterPublicKey)), cancellationToken);

    /// <inheritdoc />
    public Task<FlexibilityReceipt> EnforcePenaltyAsync(ISigner buyer, long offerId, CancellationToken cancellationToken = default) =>
        SubmitAsync(buyer, "enforcePenalty", new OfferIdArgs(offerId), Json.OfferIdArgs, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaymentRejection>> GetPaymentRejectionsAsync(long offerId, CancellationToken cancellationToken = default) =>
        await EvaluateAsync("getPaymentRejections", new OfferIdArgs(offerId), Json.OfferIdArgs, Json.ListPaymentRejection, cancellationToken) ?? [];

    /// <inheritdoc />
    public Task<FlexibilityOffer?> GetOfferAsync(long offerId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getOffer", new OfferIdArgs(offerId), Json.OfferIdArgs, Json.FlexibilityOffer, cancellationToken);

    /// <inheritdoc />
    public Task<PaymentContract?> GetPaymentContractAsync(long offerId, CancellationToken cancellationToken = default) =>
        EvaluateAsync("getPaymentContract", new OfferIdArgs(offerId), Json.OfferIdArgs, Json.PaymentContract, cancellationToken);

    /// <inheritdoc />
    public async Task<MarketPhase> GetPhaseAsync(CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("getPhase", new OfferIdArgs(0), Json.OfferIdArgs, Json.MarketPhase, cancellationToken))!;

    private async Task<FlexibilityReceipt> PaymentAsync(ISigner fleetOperator, PaymentRequestArgs request, CancellationToken cancellationToken)
    {
        (FlexibilityReceipt receipt, string? result) = await SubmitWithResultAsync(fleetOperator, "paymentRequest", request, Json.PaymentRequestArgs, cancellationToken);
        return receipt with { Rejection = JsonSerializer.Deserialize(result!, Json.PaymentResult)!.Rejection };
    }

    private async Task<FlexibilityReceipt> SubmitAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, CancellationToken cancellationToken) =>
        (await SubmitWithResultAsync(signer, function, arguments, type, cancellationToken)).Receipt;

    private async Task<(FlexibilityReceipt Receipt, string? Result)> SubmitWithResultAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt = await _chaincode.SubmitAsync(signer, function, arguments, type, cancellationToken);
        return (new FlexibilityReceipt(receipt.TransactionId, receipt.BlockNumber, receipt.Events), receipt.ResultJson);
    }

    private Task<TResult?> EvaluateAsync<TArgs, TResult>(string function, TArgs arguments, JsonTypeInfo<TArgs> argumentType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken) =>
        _chaincode.EvaluateAsync(null, function, arguments, argumentType, resultType, cancellationToken);
}
