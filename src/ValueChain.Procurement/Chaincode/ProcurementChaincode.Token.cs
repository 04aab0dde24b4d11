using ValueChain.Ledger;

namespace ValueChain.Procurement;

// The consortium's asset-backed token: the shared TokenLedger (ERC-20 semantics), minted only by marketplace admins (the issuers).
public sealed partial class ProcurementChaincode
{
    private async Task<string?> MintAsync(ChaincodeState state, AmountArgs args)
    {
        await _token.MintAsync(state.Context, args.To, args.Amount);
        return null;
    }

    private async Task<string?> TransferAsync(ChaincodeState state, AmountArgs args)
    {
        await _token.TransferAsync(state.Context, args.To, args.Amount);
        return null;
    }

    private async Task<string?> ApproveAsync(ChaincodeState state, AmountArgs args)
    {
        await _token.ApproveAsync(state.Context, args.To, args.Amount);
        return null;
    }

    private async Task<string?> TransferFromAsync(ChaincodeState state, TransferFromArgs args)
    {
        // The escrow's account is moved by the escrow's rules only, never by an allowance.
        if (args.From == EscrowAccount || state.Context.Caller == EscrowAccount)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, "The escrow's account is moved by order arrivals and cancellations only.");
        }

        await _token.TransferFromAsync(state.Context, args.From, args.To, args.Amount);
        return null;
    }
}
