using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

/// <summary>
/// The marketplace's rules, written once against <see cref="IChaincodeContext"/>: run by the embedded ledger and,
/// unchanged, as Fabric chaincode. Members are the shared consortium membership, money the shared token and escrow;
/// developers publish versions that only go up; companies register devices and authorise technicians; technicians
/// request installs, updates and removals; devices report outcomes and usage with EIP-712 signatures that anyone may
/// relay. Deterministic: time and identity come from the context.
/// </summary>
public sealed partial class AppMarketChaincode : IChaincode
{
    /// <summary>The name under which the marketplace is deployed.</summary>
    public const string ChaincodeName = "appmarket";

    private static readonly AppMarketJsonContext Json = AppMarketJsonContext.Default;
    private readonly AppMarketOptions _options;
    private readonly FrozenDictionary<string, IPaymentModel> _models;
    private readonly FrozenDictionary<string, Func<ChaincodeState, string, Task<string?>>> _functions;
    private readonly ConsortiumMembership _membership;
    private readonly TokenLedger _token;
    private readonly Escrow _escrow;

    /// <summary>Creates the chaincode with its deployment settings and the built-in payment models.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="AppMarketOptionsValidator"/>.</exception>
    public AppMarketChaincode(AppMarketOptions options)
        : this(options, [])
    {
    }

    /// <summary>Creates the chaincode with its deployment settings, the built-in payment models and <paramref name="additionalModels"/>.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="AppMarketOptionsValidator"/>, or two models share a name.</exception>
    public AppMarketChaincode(AppMarketOptions options, IEnumerable<IPaymentModel> additionalModels)
    {
        AppMarketOptionsValidator.ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(additionalModels);
        _options = options;
        IPaymentModel[] models = [new OneTimePurchase(), new PayPerUse(), new SubscriptionPayment(), .. additionalModels];
        if (models.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() != models.Length)
        {
            throw new ConfigurationException($"Two payment models share a name: {string.Join(", ", models.Select(m => m.Name))}.");
        }

        _models = models.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);

        // Genesis members joined when the network started, the epoch on every ledger (the Solidity twin stores 0).
        _membership = new ConsortiumMembership(MembershipPrefix, new MembershipRules(
            options.InvitationApprovals,
            Enum.GetNames<AppMarketRole>(),
            [.. options.GenesisMembers.Select(m => new ConsortiumMember(m.Address, m.Name, m.Role.ToString(), m.IsAdmin, DateTimeOffset.UnixEpoch, null))]));
        _token = new TokenLedger(TokenPrefix, async (context, account) => (await _membership.MemberAsync(context, account)) is { IsActive: true, IsAdmin: true });
        _escrow = new Escrow(EscrowPrefix, _token, PlatformAddress);
        _functions = new Dictionary<string, Func<ChaincodeState, string, Task<string?>>>
        {
            ["invite"] = (s, a) => InviteAsync(s, Parse(a, Json.InviteArgs)),
            ["approveInvitation"] = (s, a) => ApproveInvitationAsync(s, Parse(a, Json.AddressArgs).Address),
            ["revoke"] = (s, a) => RevokeAsync(s, Parse(a, Json.AddressArgs).Address),
            ["getMember"] = async (s, a) => Serialize(await MemberAsync(s, Parse(a, Json.AddressArgs).Address), Json.AppMarketMember),
            ["mint"] = (s, a) => MintAsync(s, Parse(a, Json.AmountArgs)),
            ["transfer"] = (s, a) => TransferAsync(s, Parse(a, Json.AmountArgs)),
            ["approve"] = (s, a) => ApproveAsync(s, Parse(a, Json.ApproveArgs)),
            ["transferFrom"] = (s, a) => TransferFromAsync(s, Parse(a, Json.TransferFromArgs)),
            ["balanceOf"] = async (s, a) => Serialize(new Balance(await _token.BalanceOfAsync(s.Context, Parse(a, Json.AddressArgs).Address)), Json.Balance),
            ["allowance"] = async (s, a) => Serialize(new Balance(await AllowanceAsync(s, Parse(a, Json.AllowanceArgs))), Json.Balance),
            ["totalSupply"] = async (s, _) => Serialize(new Balance(await _token.TotalSupplyAsync(s.Context)), Json.Balance),
            ["publishApp"] = (s, a) => PublishAsync(s, Parse(a, Json.AppPublication)),
            ["getApp"] = async (s, a) => Serialize(await AppAsync(s, Parse(a, Json.AppArgs)), Json.AppRecord),
            ["getAppVersions"] = async (s, a) => Serialize(await s.ValuesUnderAsync(Json.AppRecord, AppMarketKeys.AppVersions(Parse(a, Json.IdArgs).Id)), Json.ListAppRecord),
            ["getAppsByDeviceType"] = async (s, a) => Serialize(await AppsByDeviceTypeAsync(s, Parse(a, Json.IdArgs).Id), Json.ListAppRecord),
            ["authorizeTechnician"] = (s, a) => AuthorizeTechnicianAsync(s, Parse(a, Json.TechnicianArgs)),
            ["revokeTechnician"] = (s, a) => RevokeTechnicianAsync(s, Parse(a, Json.AddressArgs).Address),
            ["getTechnician"] = async (s, a) => Serialize(await s.GetAsync(AppMarketKeys.Technician(Parse(a, Json.AddressArgs).Address), Json.Technician), Json.Technician),
            ["registerDevice"] = (s, a) => RegisterDeviceAsync(s, Parse(a, Json.DeviceArgs)),
            ["getDevice"] = async (s, a) => Serialize(await s.GetAsync(AppMarketKeys.Device(Parse(a, Json.IdArgs).Id), Json.Device), Json.Device),
            ["requestInstall"] = (s, a) => RequestInstallAsync(s, Parse(a, Json.InstallArgs)),
            ["requestUpdate"] = (s, a) => RequestUpdateAsync(s, Parse(a, Json.InstallArgs)),
            ["uninstall"] = (s, a) => UninstallAsync(s, Parse(a, Json.InstallArgs)),
            ["refundInstall"] = (s, a) => RefundInstallAsync(s, Parse(a, Json.InstallationArgs)),
            ["renewSubscription"] = (s, a) => RenewAsync(s, Parse(a, Json.InstallationArgs)),
            ["recordDeliveryRefusal"] = (s, a) => RecordRefusalAsync(s, Parse(a, Json.RefusalArgs)),
            ["reportInstall"] = (s, a) => ReportInstallAsync(s, Parse(a, Json.InstallReportArgs)),
            ["settleUsage"] = async (s, a) => Serialize(await SettleUsageAsync(s, Parse(a, Json.SettleArgs)), Json.SettleResult),
            ["hasAccess"] = async (s, a) => Serialize(await HasAccessAsync(s, Parse(a, Json.InstallationArgs)), Json.AccessResult),
            ["getReportCounter"] = async (s, a) => Serialize(new CounterResult(await ReportCounterAsync(s, Parse(a, Json.IdArgs).Id)), Json.CounterResult),
            ["getInstallation"] = async (s, a) => Serialize(await InstallationForReaderAsync(s, Parse(a, Json.InstallationArgs)), Json.Installation),
            ["getInstallationsOfDevice"] = async (s, a) => Serialize(await InstallationsOfDeviceAsync(s, Parse(a, Json.IdArgs).Id), Json.ListInstallation),
            ["getDevicesRunningApp"] = async (s, a) => Serialize(await DevicesRunningAsync(s, Parse(a, Json.IdArgs).Id), Json.ListInstallation),
            ["getAppsOnAllDevices"] = async (s, a) => Serialize(await AppsOnAllDevicesAsync(s, Parse(a, Json.IdsArgs).Ids), Json.ListAppRecord),
            ["getDeviceHistory"] = async (s, a) => Serialize(await DeviceHistoryAsync(s, Parse(a, Json.IdArgs).Id), Json.ListHistoryEntry),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        Functions = _functions.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The marketplace's own account: it holds escrowed prices and spends the allowance companies give it; the verifying contract of device reports.</summary>
    public static Address PlatformAddress { get; } = ContractAccount.Derive("ValueChain.AppMarket.Platform");

    /// <inheritdoc />
    public string Name => ChaincodeName;

    /// <inheritdoc />
    public IReadOnlySet<string> Functions { get; }

    /// <summary>The EIP-712 domain devices sign their reports in for this deployment.</summary>
    public DeviceReportDomain ReportDomain => new(_options.ChainId, PlatformAddress);

    /// <inheritdoc />
    public ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default) =>
        _functions.TryGetValue(functionName, out var function)
            ? new(function(new ChaincodeState(context), argumentsJson))
            : throw new ChaincodeException(ErrorCodes.UnknownFunction, $"The app marketplace has no function '{functionName}'.");

    private static T Parse<T>(string json, JsonTypeInfo<T> type) => ChaincodeState.ParseArguments(json, type);

    private static string Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private PaymentLedger Payments(ChaincodeState state) => new(state.Context, _token, _escrow);

    private IPaymentModel ModelOf(AppPricing pricing) =>
        _models.TryGetValue(pricing.Model, out IPaymentModel? model)
            ? model
            : throw new ChaincodeException(AppMarketErrorCodes.UnknownPaymentModel, $"Pricing.Model '{pricing.Model}' is not a payment model of this marketplace: use one of {string.Join(", ", _models.Keys.Order(StringComparer.Ordinal))}.");
}
