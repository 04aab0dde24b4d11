using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

// Members are the shared ConsortiumMembership block with AppMarketRole's names as roles; the token is the shared
// TokenLedger, minted by admins; the escrow is the shared Escrow block held by PlatformAddress.
public sealed partial class AppMarketChaincode
{
    private const string MembershipPrefix = "membership";
    private const string TokenPrefix = "token";
    private const string EscrowPrefix = "escrow";

    private async Task<AppMarketMember?> MemberAsync(ChaincodeState state, Address address) =>
        await _membership.MemberAsync(state.Context, address) is { } m ? ToMember(m) : null;

    private async Task<AppMarketMember> CallerAsync(ChaincodeState state, params AppMarketRole[] roles) =>
        ToMember(await _membership.RequireCallerAsync(state.Context, [.. roles.Select(r => r.ToString())]));

    private async Task<string?> InviteAsync(ChaincodeState state, InviteArgs args)
    {
        if (!Enum.IsDefined(args.Role))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Role must be one of {string.Join(", ", Enum.GetNames<AppMarketRole>())}, not {args.Role}.");
        }

        await _membership.InviteAsync(state.Context, args.Invitee, args.Name, args.Role.ToString(), args.GrantAdmin);
        return null;
    }

    private async Task<string?> ApproveInvitationAsync(ChaincodeState state, Address invitee)
    {
        await _membership.ApproveAsync(state.Context, invitee);
        return null;
    }

    private async Task<string?> RevokeAsync(ChaincodeState state, Address member)
    {
        await _membership.RevokeAsync(state.Context, member);
        return null;
    }

    private async Task<string?> MintAsync(ChaincodeState state, AmountArgs args)
    {
        await _token.MintAsync(state.Context, args.To, args.Amount);
        return null;
    }

    private async Task<string?> TransferAsync(ChaincodeState state, AmountArgs args)
    {
        await CallerAsync(state);
        await _token.TransferAsync(state.Context, args.To, args.Amount);
        return null;
    }

    private async Task<string?> ApproveAsync(ChaincodeState state, ApproveArgs args)
    {
        await CallerAsync(state);
        await _token.ApproveAsync(state.Context, args.Spender, args.Amount);
        return null;
    }

    private async Task<string?> TransferFromAsync(ChaincodeState state, TransferFromArgs args)
    {
        await CallerAsync(state);
        await _token.TransferFromAsync(state.Context, args.From, args.To, args.Amount);
        return null;
    }

    private Task<UInt256> AllowanceAsync(ChaincodeState state, AllowanceArgs args) => _token.AllowanceAsync(state.Context, args.Owner, args.Spender).AsTask();

    private static AppMarketMember ToMember(ConsortiumMember m) => new(m.Address, m.Name, Enum.Parse<AppMarketRole>(m.Role), m.IsAdmin, m.JoinedAt, m.RevokedAt);
}
