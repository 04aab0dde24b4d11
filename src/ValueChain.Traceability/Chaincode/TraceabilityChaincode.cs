using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>
/// PartChain's rules, written once against <see cref="IChaincodeContext"/>: run by the embedded
/// ledger and, unchanged, as Fabric chaincode. Deterministic: time and identity come from the context.
/// </summary>
public sealed partial class TraceabilityChaincode : IChaincode
{
    /// <summary>The name under which PartChain is deployed.</summary>
    public const string ChaincodeName = "traceability";

    private static readonly TraceabilityJsonContext Json = TraceabilityJsonContext.Default;
    private readonly TraceabilityOptions _options;
    private readonly FrozenDictionary<Address, Participant> _genesis;
    private readonly FrozenDictionary<string, Func<TraceabilityStore, string, Task<string?>>> _functions;

    /// <summary>Creates the chaincode with its deployment settings.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="TraceabilityOptionsValidator"/>.</exception>
    public TraceabilityChaincode(TraceabilityOptions options)
    {
        TraceabilityOptionsValidator.ThrowIfInvalid(options);
        _options = options;

        // Genesis participants joined when the network started, the epoch on every ledger (the Solidity twin stores 0).
        _genesis = options.GenesisParticipants.ToFrozenDictionary(p => p.Address, p => p with { JoinedAt = DateTimeOffset.UnixEpoch });
        _functions = new Dictionary<string, Func<TraceabilityStore, string, Task<string?>>>
        {
            ["invite"] = (s, a) => InviteAsync(s, Parse(a, Json.InviteArgs)),
            ["approveInvitation"] = (s, a) => ApproveAsync(s, Parse(a, Json.AddressArgs).Address),
            ["revoke"] = (s, a) => RevokeAsync(s, Parse(a, Json.AddressArgs).Address),
            ["registerParts"] = (s, a) => RegisterAsync(s, Parse(a, Json.RegisterArgs)),
            ["assemble"] = (s, a) => AssembleAsync(s, Parse(a, Json.AssembleArgs)),
            ["scan"] = (s, a) => ScanAsync(s, Parse(a, Json.ScanArgs)),
            ["recallBatch"] = (s, a) => RecallBatchAsync(s, Parse(a, Json.IdArgs).Id),
            ["placeOrder"] = (s, a) => PlaceOrderAsync(s, s.DetailsArguments(a, Json.PlaceOrderArgs, TraceabilityPrivateArguments.PlaceOrder)),
            ["declineOrder"] = (s, a) => DeclineOrderAsync(s, Parse(a, Json.IdArgs).Id),
            ["createDelivery"] = (s, a) => CreateDeliveryAsync(s, s.DetailsArguments(a, Json.CreateDeliveryArgs, TraceabilityPrivateArguments.CreateDelivery)),
            ["pickUp"] = (s, a) => PickUpAsync(s, Parse(a, Json.HandoverArgs)),
            ["acceptDelivery"] = (s, a) => AcceptAsync(s, Parse(a, Json.HandoverArgs)),
            ["proposeCorrection"] = (s, a) => ProposeCorrectionAsync(s, Parse(a, Json.ProposeCorrectionArgs)),
            ["approveCorrection"] = (s, a) => ApproveCorrectionAsync(s, Parse(a, Json.IdArgs).Id),
            ["getCorrection"] = async (s, a) => Serialize(await s.GetAsync(TraceabilityKeys.Correction(Parse(a, Json.IdArgs).Id), Json.OwnershipCorrection), Json.OwnershipCorrection),
            ["getParticipant"] = async (s, a) => Serialize(await ParticipantAsync(s, Parse(a, Json.AddressArgs).Address), Json.Participant),
            ["getInvitation"] = async (s, a) => Serialize(await s.GetAsync(TraceabilityKeys.Invitation(Parse(a, Json.AddressArgs).Address), Json.Invitation), Json.Invitation),
            ["getPart"] = async (s, a) => Serialize(await s.PartAsync(Parse(a, Json.IdArgs).Id), Json.Part),
            ["getHistory"] = async (s, a) => Serialize(await HistoryAsync(s, Parse(a, Json.IdArgs).Id), Json.ListPartEvent),
            ["getPartsByPartNumber"] = async (s, a) => Serialize(await PartsAsync(s, "ix-partnumber", Parse(a, Json.IdArgs).Id), Json.ListPart),
            ["getPartsByBatch"] = async (s, a) => Serialize(await PartsAsync(s, "ix-batch", Parse(a, Json.IdArgs).Id), Json.ListPart),
            ["getPartsByOwner"] = async (s, a) => Serialize(await PartsAsync(s, "ix-owner", Parse(a, Json.AddressArgs).Address.ToLowerHex()), Json.ListPart),
            ["getComponents"] = async (s, a) => Serialize(await s.IdsUnderAsync("ix-component", Parse(a, Json.IdArgs).Id), Json.ListString),
            ["getOrder"] = async (s, a) => Serialize(await OrderForAsync(s, Parse(a, Json.IdArgs).Id), Json.Order),
            ["getDelivery"] = async (s, a) => Serialize(await DeliveryForAsync(s, Parse(a, Json.IdArgs).Id), Json.Delivery),
            ["getOpenOrders"] = async (s, a) => Serialize(await OpenOrdersAsync(s), Json.ListOrder),
            ["getRejections"] = async (s, a) => Serialize(await s.ValuesUnderAsync(Json.HandoverRejection, "rejection", Parse(a, Json.IdArgs).Id), Json.ListHandoverRejection),
            ["checkAuthenticity"] = async (s, a) => Serialize(await AuthenticityAsync(s, Parse(a, Json.IdArgs).Id), Json.AuthenticityReport),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        Functions = _functions.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string Name => ChaincodeName;

    /// <inheritdoc />
    public IReadOnlySet<string> Functions { get; }

    /// <inheritdoc />
    public Task<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default) =>
        _functions.TryGetValue(functionName, out var function)
            ? function(new TraceabilityStore(context, _options.DetailsCollection), argumentsJson)
            : throw new ChaincodeException(ErrorCodes.UnknownFunction, $"PartChain has no function '{functionName}'.");

    ValueTask<string?> IChaincode.InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken) =>
        new(InvokeAsync(context, functionName, argumentsJson, cancellationToken));

    private static T Parse<T>(string json, JsonTypeInfo<T> type) => ChaincodeState.ParseArguments(json, type);

    private static string Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private static string? Result(HandoverRejection? rejection) =>
        rejection is null ? null : JsonSerializer.Serialize(new CommandResult(rejection), Json.CommandResult);
}
