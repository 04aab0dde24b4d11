using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Chaincode.Tests;

/// <summary>
/// A small application built from the three blocks, the C# twin of contracts/src/testing/BlocksProbe.sol:
/// active admins mint; any active member locks its own tokens for a payee; only the payer releases or is
/// refunded. Token calls are open to every key, as ProbeToken's are.
/// </summary>
internal sealed class BlocksChaincode : IChaincode
{
    public const string ChaincodeName = "blocks";

    /// <summary>The roles, numbered 1 and 2 on Ethereum.</summary>
    public static readonly IReadOnlyList<string> Roles = ["Buyer", "Seller"];

    private static readonly BlocksJson Json = BlocksJson.Default;
    private readonly FrozenDictionary<string, Func<IChaincodeContext, string, Task<string?>>> _functions;

    public BlocksChaincode(MembershipRules rules)
    {
        Membership = new ConsortiumMembership("members", rules);
        Token = new TokenLedger("token", async (context, account) => await Membership.MemberAsync(context, account) is { IsActive: true, IsAdmin: true });
        Escrow = new Escrow("escrow", Token, EscrowAccount);
        _functions = new Dictionary<string, Func<IChaincodeContext, string, Task<string?>>>
        {
            ["invite"] = async (c, a) => Result(await Membership.InviteAsync(c, Parse(a, Json.InviteArgs).Invitee, Parse(a, Json.InviteArgs).Name, Parse(a, Json.InviteArgs).Role, Parse(a, Json.InviteArgs).GrantAdmin), Json.ConsortiumInvitation),
            ["approveInvitation"] = async (c, a) => Result(await Membership.ApproveAsync(c, Parse(a, Json.AddressArgs).Address), Json.ConsortiumInvitation),
            ["revoke"] = async (c, a) => Result(await Membership.RevokeAsync(c, Parse(a, Json.AddressArgs).Address), Json.ConsortiumMember),
            ["getMember"] = async (c, a) => Result(await Membership.MemberAsync(c, Parse(a, Json.AddressArgs).Address), Json.ConsortiumMember),
            ["getMembers"] = async (c, _) => Result([.. await Membership.MembersAsync(c)], Json.ListConsortiumMember),
            ["getInvitation"] = async (c, a) => Result(await Membership.InvitationAsync(c, Parse(a, Json.AddressArgs).Address), Json.ConsortiumInvitation),
            ["mint"] = async (c, a) => { await Token.MintAsync(c, Parse(a, Json.AmountArgs).To, Parse(a, Json.AmountArgs).Amount); return null; },
            ["transfer"] = async (c, a) => { await Token.TransferAsync(c, Parse(a, Json.AmountArgs).To, Parse(a, Json.AmountArgs).Amount); return null; },
            ["approve"] = async (c, a) => { await Token.ApproveAsync(c, Parse(a, Json.ApproveArgs).Spender, Parse(a, Json.ApproveArgs).Amount); return null; },
            ["transferFrom"] = async (c, a) => { TransferFromArgs t = Parse(a, Json.TransferFromArgs); await Token.TransferFromAsync(c, t.From, t.To, t.Amount); return null; },
            ["balanceOf"] = async (c, a) => Result(await Token.BalanceOfAsync(c, Parse(a, Json.AddressArgs).Address), Json.UInt256),
            ["allowance"] = async (c, a) => Result(await Token.AllowanceAsync(c, Parse(a, Json.AllowanceArgs).Owner, Parse(a, Json.AllowanceArgs).Spender), Json.UInt256),
            ["totalSupply"] = async (c, _) => Result(await Token.TotalSupplyAsync(c), Json.UInt256),
            ["lock"] = LockAsync,
            ["release"] = async (c, a) => Result(await Escrow.ReleaseAsync(c, await PayerAsync(c, Parse(a, Json.IdArgs).Id)), Json.EscrowRecord),
            ["refund"] = async (c, a) => Result(await Escrow.RefundAsync(c, await PayerAsync(c, Parse(a, Json.IdArgs).Id)), Json.EscrowRecord),
            ["getEscrow"] = async (c, a) => Result(await Escrow.GetAsync(c, Parse(a, Json.IdArgs).Id), Json.EscrowRecord),
            ["holdings"] = async (c, _) => Result(await Escrow.HoldingsAsync(c), Json.EscrowHoldings),
            ["openEscrows"] = async (c, _) => Result([.. await Escrow.OpenEscrowsAsync(c)], Json.ListEscrowRecord),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        Functions = _functions.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    public static Address EscrowAccount { get; } = ContractAccount.Derive("ValueChain.Chaincode.Tests.Escrow");

    public ConsortiumMembership Membership { get; }

    public TokenLedger Token { get; }

    public Escrow Escrow { get; }

    public string Name => ChaincodeName;

    public IReadOnlySet<string> Functions { get; }

    public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default) =>
        _functions.TryGetValue(functionName, out var function)
            ? await function(context, argumentsJson)
            : throw new ChaincodeException(ErrorCodes.UnknownFunction, $"No function '{functionName}'.");

    private async Task<string?> LockAsync(IChaincodeContext context, string json)
    {
        LockArgs args = Parse(json, Json.LockArgs);
        await Membership.RequireCallerAsync(context);
        return Result(await Escrow.LockAsync(context, args.Id, context.Caller, args.Payee, args.Amount, DateTimeOffset.FromUnixTimeSeconds(args.RefundableFrom)), Json.EscrowRecord);
    }

    // As BlocksProbe._requirePayer: an active member, and the payer of the escrow when there is one.
    private async Task<string> PayerAsync(IChaincodeContext context, string id)
    {
        await Membership.RequireCallerAsync(context);
        if (await Escrow.GetAsync(context, id) is { } escrow && escrow.Payer != context.Caller)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the payer settles escrow '{id}'.");
        }

        return id;
    }

    private static T Parse<T>(string json, JsonTypeInfo<T> type) => ChaincodeState.ParseArguments(json, type);

    private static string Result<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);
}

internal sealed record InviteArgs(Address Invitee, string Name, string Role, bool GrantAdmin);

internal sealed record AddressArgs(Address Address);

internal sealed record AmountArgs(Address To, UInt256 Amount);

internal sealed record ApproveArgs(Address Spender, UInt256 Amount);

internal sealed record TransferFromArgs(Address From, Address To, UInt256 Amount);

internal sealed record AllowanceArgs(Address Owner, Address Spender);

internal sealed record IdArgs(string Id);

internal sealed record LockArgs(string Id, Address Payee, UInt256 Amount, long RefundableFrom);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(InviteArgs))]
[JsonSerializable(typeof(AddressArgs))]
[JsonSerializable(typeof(AmountArgs))]
[JsonSerializable(typeof(ApproveArgs))]
[JsonSerializable(typeof(TransferFromArgs))]
[JsonSerializable(typeof(AllowanceArgs))]
[JsonSerializable(typeof(IdArgs))]
[JsonSerializable(typeof(LockArgs))]
[JsonSerializable(typeof(UInt256))]
[JsonSerializable(typeof(ConsortiumMember))]
[JsonSerializable(typeof(List<ConsortiumMember>))]
[JsonSerializable(typeof(ConsortiumInvitation))]
[JsonSerializable(typeof(EscrowRecord))]
[JsonSerializable(typeof(List<EscrowRecord>))]
[JsonSerializable(typeof(EscrowHoldings))]
[JsonSerializable(typeof(TokenTransfer))]
[JsonSerializable(typeof(TokenApproval))]
[JsonSerializable(typeof(string))]
internal sealed partial class BlocksJson : JsonSerializerContext;
