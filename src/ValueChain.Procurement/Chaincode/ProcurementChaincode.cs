using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

/// <summary>
/// The marketplace's rules, written once against <see cref="IChaincodeContext"/>: run by the embedded
/// ledger and, unchanged, as Fabric chaincode. Deterministic: time and identity come from the context;
/// money is the shared <see cref="TokenLedger"/> and <see cref="Escrow"/>, joining the shared
/// <see cref="ConsortiumMembership"/>.
/// </summary>
public sealed partial class ProcurementChaincode : IChaincode
{
    /// <summary>The name under which the marketplace is deployed.</summary>
    public const string ChaincodeName = "procurement";

    /// <summary>The account that holds escrowed order payments; machines approve it as the spender of their tokens.</summary>
    public static Address EscrowAccount { get; } = ContractAccount.Derive("ValueChain.Procurement.Escrow");

    private static readonly ProcurementJsonContext Json = ProcurementJsonContext.Default;
    private readonly ProcurementOptions _options;
    private readonly ConsortiumMembership _membership;
    private readonly TokenLedger _token;
    private readonly Escrow _escrow;
    private readonly FrozenDictionary<string, Company> _genesisCompanies;
    private readonly FrozenDictionary<Address, string> _genesisUserCompanies;
    private readonly FrozenDictionary<string, Func<ChaincodeState, string, Task<string?>>> _functions;

    /// <summary>Creates the chaincode with its deployment settings.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="ProcurementOptionsValidator"/>.</exception>
    public ProcurementChaincode(ProcurementOptions options)
    {
        ProcurementOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _genesisCompanies = options.GenesisCompanies.ToFrozenDictionary(c => c.CompanyId, c => new Company(c.CompanyId, c.Name, DateTimeOffset.UnixEpoch, null, SupplierEvaluation.None), StringComparer.Ordinal);
        _genesisUserCompanies = options.GenesisUsers.ToFrozenDictionary(u => u.Address, u => u.CompanyId);
        _membership = new ConsortiumMembership("membership", new MembershipRules(
            options.InvitationApprovals,
            Enum.GetNames<ProcurementRole>(),
            [.. options.GenesisUsers.Select(u => new ConsortiumMember(u.Address, u.Name, u.Role.ToString(), u.IsAdmin, DateTimeOffset.UnixEpoch, null))]));
        _token = new TokenLedger("token", async (context, account) => await _membership.IsActiveMemberAsync(context, account, nameof(ProcurementRole.MarketplaceAdmin)));
        _escrow = new Escrow("escrow", _token, EscrowAccount);
        _functions = new Dictionary<string, Func<ChaincodeState, string, Task<string?>>>
        {
            ["invite"] = (s, a) => InviteAsync(s, Parse(a, Json.InviteArgs)),
            ["approveInvitation"] = (s, a) => ApproveInvitationAsync(s, Parse(a, Json.AddressArgs).Address),
            ["revoke"] = (s, a) => RevokeAsync(s, Parse(a, Json.AddressArgs).Address),
            ["removeCompany"] = (s, a) => RemoveCompanyAsync(s, Parse(a, Json.IdArgs).Id),
            ["registerMachine"] = (s, a) => RegisterMachineAsync(s, Parse(a, Json.MachineRegistration)),
            ["reportConsumption"] = (s, a) => ConsumeAsync(s, Parse(a, Json.ConsumeArgs)),
            ["createQuotation"] = (s, a) => CreateQuotationAsync(s, Parse(a, Json.QuotationTerms)),
            ["reviseQuotation"] = (s, a) => ReviseQuotationAsync(s, Parse(a, Json.ReviseArgs)),
            ["approveQuotation"] = (s, a) => SetApprovalAsync(s, Parse(a, Json.QuotationIdArgs).QuotationId, approve: true),
            ["withdrawApproval"] = (s, a) => SetApprovalAsync(s, Parse(a, Json.QuotationIdArgs).QuotationId, approve: false),
            ["placeOrder"] = (s, a) => PlaceOrderAsync(s, Parse(a, Json.OrderRequest)),
            ["bookService"] = (s, a) => BookServiceAsync(s, Parse(a, Json.BookServiceArgs)),
            ["confirmArrival"] = (s, a) => ConfirmArrivalAsync(s, Parse(a, Json.IdArgs).Id),
            ["cancelOrder"] = (s, a) => CancelOrderAsync(s, Parse(a, Json.IdArgs).Id),
            ["recordMaintenance"] = (s, a) => RecordMaintenanceAsync(s, Parse(a, Json.MaintenanceRecord)),
            ["grantBookAccess"] = (s, a) => SetGrantAsync(s, Parse(a, Json.GrantArgs), grant: true),
            ["revokeBookAccess"] = (s, a) => SetGrantAsync(s, Parse(a, Json.GrantArgs), grant: false),
            ["mint"] = (s, a) => MintAsync(s, Parse(a, Json.AmountArgs)),
            ["transfer"] = (s, a) => TransferAsync(s, Parse(a, Json.AmountArgs)),
            ["approve"] = (s, a) => ApproveAsync(s, Parse(a, Json.AmountArgs)),
            ["transferFrom"] = (s, a) => TransferFromAsync(s, Parse(a, Json.TransferFromArgs)),
            ["getUser"] = async (s, a) => Serialize(await UserAsync(s, Parse(a, Json.AddressArgs).Address), Json.ProcurementUser),
            ["getInvitation"] = async (s, a) => Serialize(await InvitationAsync(s, Parse(a, Json.AddressArgs).Address), Json.UserInvitation),
            ["getCompany"] = async (s, a) => Serialize(await CompanyAsync(s, Parse(a, Json.IdArgs).Id), Json.Company),
            ["getMachine"] = async (s, a) => Serialize(await MachineAsync(s, Parse(a, Json.IdArgs).Id), Json.Machine),
            ["getMachineByAddress"] = async (s, a) => Serialize(await MachineByAddressAsync(s, Parse(a, Json.AddressArgs).Address), Json.Machine),
            ["getQuotation"] = async (s, a) => Serialize(await s.GetAsync(ProcurementKeys.Quotation(Parse(a, Json.QuotationIdArgs).QuotationId), Json.Quotation), Json.Quotation),
            ["getQuotationVersion"] = async (s, a) => Serialize(await QuotationVersionAsync(s, Parse(a, Json.VersionArgs)), Json.Quotation),
            ["getQuotationVersions"] = async (s, a) => Serialize(await s.ValuesUnderAsync(Json.Quotation, "quotation-version", ProcurementKeys.Number(Parse(a, Json.QuotationIdArgs).QuotationId)), Json.ListQuotation),
            ["getApprovalStatus"] = async (s, a) => Serialize(await ApprovalStatusAsync(s, Parse(a, Json.ApprovalArgs)), Json.QuotationStatus),
            ["getSelectableQuotations"] = async (s, a) => Serialize(await SelectableAsync(s, Parse(a, Json.SelectableArgs)), Json.ListQuotation),
            ["getOrder"] = async (s, a) => Serialize(await OrderForCallerAsync(s, Parse(a, Json.IdArgs).Id), Json.PurchaseOrder),
            ["getMachineOrders"] = async (s, a) => Serialize(await MachineOrdersAsync(s, Parse(a, Json.IdArgs).Id), Json.ListPurchaseOrder),
            ["getServiceOrder"] = async (s, a) => Serialize(await ServiceForCallerAsync(s, Parse(a, Json.IdArgs).Id), Json.ServiceOrder),
            ["getMaintenanceBook"] = async (s, a) => Serialize(await BookAsync(s, Parse(a, Json.IdArgs).Id), Json.ListMaintenanceEntry),
            ["getGrants"] = async (s, a) => Serialize(await GrantsAsync(s, Parse(a, Json.IdArgs).Id), Json.ListBookGrant),
            ["balanceOf"] = async (s, a) => Serialize(await _token.BalanceOfAsync(s.Context, Parse(a, Json.AddressArgs).Address), Json.UInt256),
            ["allowance"] = async (s, a) => Serialize(await AllowanceAsync(s, Parse(a, Json.AllowanceArgs)), Json.UInt256),
            ["totalSupply"] = async (s, a) => Serialize(await _token.TotalSupplyAsync(s.Context), Json.UInt256),
            ["getEscrowHoldings"] = async (s, a) => Serialize(await _escrow.HoldingsAsync(s.Context), Json.EscrowHoldings),
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
            : throw new ChaincodeException(ErrorCodes.UnknownFunction, $"The marketplace has no function '{functionName}'.");

    // A value out of its type's range (a price past 2^256 - 1) fails inside the JSON reader as a format error:
    // it is reported as malformed input like any other, naming what the reader names.
    private static T Parse<T>(string json, JsonTypeInfo<T> type)
    {
        try
        {
            return ChaincodeState.ParseArguments(json, type);
        }
        catch (ValueChainFormatException e)
        {
            throw ProcurementValidation.Invalid(FieldHolding(json, e.Input) ?? e.ParameterName, e.Message);
        }
    }

    // The name of the first property whose value is the text the reader refused, to name the field in the error.
    private static string? FieldHolding(string json, string? input)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return Find(document.RootElement);

        string? Find(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number && property.Value.ToString() == input)
                    {
                        return property.Name;
                    }

                    if (Find(property.Value) is { } inner)
                    {
                        return inner;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (Find(item) is { } inner)
                    {
                        return inner;
                    }
                }
            }

            return null;
        }
    }

    private static string Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private Task<UInt256> AllowanceAsync(ChaincodeState state, AllowanceArgs args) => _token.AllowanceAsync(state.Context, args.Owner, args.Spender).AsTask();
}
