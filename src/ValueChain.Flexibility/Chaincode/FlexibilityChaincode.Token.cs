using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

public sealed partial class FlexibilityChaincode
{
    // The market's token is the shared TokenLedger under the prefix "token", so its keys
    // (token·supply, token·balance·owner, token·allowance·owner·spender) are the ones the market always had.
    private const string TokenPrefix = "token";

    // The dispatch table's "totalSupply" reads AmountAsync(state, TotalSupplyKey).
    private const string TotalSupplyKey = "supply";

    private TokenLedger? _token;

    // Built on first use: verifiers mint, and who is a verifier depends on this market's genesis whitelist.
    private TokenLedger Token => _token ??= new TokenLedger(TokenPrefix, IsVerifierAsync);

    private async ValueTask<bool> IsVerifierAsync(IChaincodeContext context, Address account) =>
        (await ParticipantAsync(new ChaincodeState(context), account))?.Role == MarketRole.Verifier;

    private Task<UInt256> BalanceAsync(ChaincodeState state, Address owner) => Token.BalanceOfAsync(state.Context, owner).AsTask();

    private Task<UInt256> AllowanceAsync(ChaincodeState state, AllowanceArgs args) => Token.AllowanceAsync(state.Context, args.Owner, args.Spender).AsTask();

    private Task<UInt256> AmountAsync(ChaincodeState state, string amount) =>
        amount == TotalSupplyKey ? Token.TotalSupplyAsync(state.Context).AsTask() : throw new ArgumentOutOfRangeException(nameof(amount), amount, "The token's only amount read by name is its total supply.");

    private async Task<string?> MintAsync(ChaincodeState state, AmountArgs args)
    {
        await Token.MintAsync(state.Context, args.To, args.Amount);
        return null;
    }

    private async Task<string?> TransferAsync(ChaincodeState state, AmountArgs args)
    {
        await CallerAsync(state);
        await Token.TransferAsync(state.Context, args.To, args.Amount);
        return null;
    }

    private async Task<string?> ApproveAsync(ChaincodeState state, ApproveArgs args)
    {
        await CallerAsync(state);
        await Token.ApproveAsync(state.Context, args.Spender, args.Amount);
        return null;
    }

    private async Task<string?> TransferFromAsync(ChaincodeState state, TransferFromArgs args)
    {
        await CallerAsync(state);
        await Token.TransferFromAsync(state.Context, args.From, args.To, args.Amount);
        return null;
    }

    private Task MoveAsync(ChaincodeState state, Address from, Address to, UInt256 amount) => Token.MoveAsync(state.Context, from, to, amount).AsTask();
}
