using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

/// <summary>
/// The flexibility market's rules, written once against <see cref="IChaincodeContext"/>: the
/// whitelist (only verifiers change it; every other call checks its caller against it) and the token
/// with ERC-20 semantics. Deterministic: identity comes from the context.
/// </summary>
public sealed partial class FlexibilityChaincode : IChaincode
{
    /// <summary>The name under which the market is deployed.</summary>
    public const string ChaincodeName = "flexibility";

    private static readonly FlexibilityJsonContext Json = FlexibilityJsonContext.Default;
    private readonly FrozenDictionary<Address, MarketParticipant> _genesis;
    private readonly FlexibilityOptions _options;
    private readonly FrozenDictionary<string, Func<ChaincodeState, string, Task<string?>>> _functions;

    /// <summary>Creates the chaincode with its deployment settings.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="FlexibilityOptionsValidator"/>.</exception>
    public FlexibilityChaincode(FlexibilityOptions options)
    {
        FlexibilityOptionsValidator.ThrowIfInvalid(options);
        _genesis = options.Verifiers.ToFrozenDictionary(v => v.Address);
        _options = options;
        _functions = new Dictionary<string, Func<ChaincodeState, string, Task<string?>>>
        {
            ["addParticipant"] = (s, a) => AddParticipantAsync(s, Parse(a, Json.ParticipantArgs)),
            ["removeParticipant"] = (s, a) => RemoveParticipantAsync(s, Parse(a, Json.AddressArgs).Address),
            ["addMeter"] = (s, a) => AddMeterAsync(s, Parse(a, Json.MeterArgs)),
            ["removeMeter"] = (s, a) => RemoveMeterAsync(s, Parse(a, Json.AddressArgs).Address),
            ["getParticipant"] = async (s, a) => Serialize(await ParticipantAsync(s, Parse(a, Json.AddressArgs).Address), Json.MarketParticipant),
            ["getMeter"] = async (s, a) => Serialize(await s.GetAsync(MeterKey(Parse(a, Json.AddressArgs).Address), Json.WhitelistedMeter), Json.WhitelistedMeter),
            ["mint"] = (s, a) => MintAsync(s, Parse(a, Json.AmountArgs)),
            ["transfer"] = (s, a) => TransferAsync(s, Parse(a, Json.AmountArgs)),
            ["approve"] = (s, a) => ApproveAsync(s, Parse(a, Json.ApproveArgs)),
            ["transferFrom"] = (s, a) => TransferFromAsync(s, Parse(a, Json.TransferFromArgs)),
            ["balanceOf"] = async (s, a) => Serialize(new Balance(await BalanceAsync(s, Parse(a, Json.AddressArgs).Address)), Json.Balance),
            ["allowance"] = async (s, a) => Serialize(new Balance(await AllowanceAsync(s, Parse(a, Json.AllowanceArgs))), Json.Balance),
            ["makeOffer"] = (s, a) => MakeOfferAsync(s, Parse(a, Json.OfferRequest)),
            ["bid"] = (s, a) => BidAsync(s, Parse(a, Json.BidArgs)),
            ["makeCommittedOffer"] = (s, a) => MakeCommittedOfferAsync(s, Parse(a, Json.CommittedOfferArgs).Commitment),
            ["createContract"] = (s, a) => CreateContractAsync(s, Parse(a, Json.CreateContractArgs)),
            ["getOffer"] = async (s, a) => Serialize(await s.GetAsync(OfferKey(Parse(a, Json.OfferIdArgs).OfferId), Json.FlexibilityOffer), Json.FlexibilityOffer),
            ["getPaymentContract"] = async (s, a) => Serialize(await s.GetAsync(ContractKey(Parse(a, Json.OfferIdArgs).OfferId), Json.PaymentContract), Json.PaymentContract),
            ["paymentRequest"] = (s, a) => PaymentRequestAsync(s, Parse(a, Json.PaymentRequestArgs)),
            ["enforcePenalty"] = (s, a) => EnforcePenaltyAsync(s, Parse(a, Json.OfferIdArgs).OfferId),
            ["getPaymentRejections"] = async (s, a) => Serialize(await s.ValuesUnderAsync(Json.PaymentRejection, "payment-rejection", Parse(a, Json.OfferIdArgs).OfferId.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)), Json.ListPaymentRejection),
            ["getPhase"] = (s, _) => Task.FromResult<string?>(Serialize(_options.Clock.PhaseAt(s.Context.Timestamp), Json.MarketPhase)),
            ["totalSupply"] = async (s, _) => Serialize(new Balance(await AmountAsync(s, TotalSupplyKey)), Json.Balance),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        Functions = _functions.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string Name => ChaincodeName;

    /// <inheritdoc />
    public IReadOnlySet<string> Functions { get; }

    /// <inheritdoc />
    public ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default) =>
        _functions.TryGetValue(functionName, out var function)
            ? new(function(new ChaincodeState(context), argumentsJson))
            : throw new ChaincodeException(ErrorCodes.UnknownFunction, $"The market has no function '{functionName}'.");

    private static T Parse<T>(string json, JsonTypeInfo<T> type) => ChaincodeState.ParseArguments(json, type);

    private static string Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);
}
