using System.Text;
using ValueChain.Ledger;

namespace ValueChain.Flexibility;

public sealed partial class FlexibilityChaincode
{
    private static readonly string TotalSupplyKey = ChaincodeState.Key("token", "supply");

    private static string BalanceKey(Address owner) => ChaincodeState.Key("token", "balance", owner.ToLowerHex());

    private static string AllowanceKey(Address owner, Address spender) => ChaincodeState.Key("token", "allowance", owner.ToLowerHex(), spender.ToLowerHex());

    private static Task<UInt256> BalanceAsync(ChaincodeState state, Address owner) => AmountAsync(state, BalanceKey(owner));

    private static Task<UInt256> AllowanceAsync(ChaincodeState state, AllowanceArgs args) => AmountAsync(state, AllowanceKey(args.Owner, args.Spender));

    private static async Task<UInt256> AmountAsync(ChaincodeState state, string key)
    {
        ReadOnlyMemory<byte>? value = await state.Context.GetStateAsync(key);
        return value is null ? UInt256.Zero : UInt256.Parse(Encoding.UTF8.GetString(value.Value.Span));
    }

    private static Task SetAmountAsync(ChaincodeState state, string key, UInt256 amount) =>
        amount.IsZero ? state.DeleteAsync(key) : state.Context.PutStateAsync(key, Encoding.UTF8.GetBytes(amount.ToString())).AsTask();

    private async Task<string?> MintAsync(ChaincodeState state, AmountArgs args)
    {
        await CallerAsync(state, MarketRole.Verifier);
        RequireRecipient(args.To);
        UInt256 supply = await AmountAsync(state, TotalSupplyKey);
        await SetAmountAsync(state, TotalSupplyKey, Checked(() => supply + args.Amount));
        await SetAmountAsync(state, BalanceKey(args.To), await BalanceAsync(state, args.To) + args.Amount);
        state.Emit("Transfer", new TransferEvent(Address.Zero, args.To, args.Amount), Json.TransferEvent);
        return null;
    }

    private async Task<string?> TransferAsync(ChaincodeState state, AmountArgs args)
    {
        MarketParticipant sender = await CallerAsync(state);
        await MoveAsync(state, sender.Address, args.To, args.Amount);
        return null;
    }

    private async Task<string?> ApproveAsync(ChaincodeState state, ApproveArgs args)
    {
        MarketParticipant owner = await CallerAsync(state);
        RequireRecipient(args.Spender);
        await SetAmountAsync(state, AllowanceKey(owner.Address, args.Spender), args.Amount);
        state.Emit("Approval", new ApprovalEvent(owner.Address, args.Spender, args.Amount), Json.ApprovalEvent);
        return null;
    }

    private async Task<string?> TransferFromAsync(ChaincodeState state, TransferFromArgs args)
    {
        MarketParticipant spender = await CallerAsync(state);
        UInt256 allowance = await AmountAsync(state, AllowanceKey(args.From, spender.Address));
        if (allowance < args.Amount)
        {
            throw new ChaincodeException(FlexibilityErrorCodes.InsufficientAllowance, $"{spender.Name} may spend {allowance} of {args.From}'s tokens, not {args.Amount}.");
        }

        // An allowance of 2^256 − 1 is unlimited and never decreases, as in OpenZeppelin's ERC-20.
        if (allowance != UInt256.MaxValue)
        {
            await SetAmountAsync(state, AllowanceKey(args.From, spender.Address), allowance - args.Amount);
        }

        await MoveAsync(state, args.From, args.To, args.Amount);
        return null;
    }

    private static async Task MoveAsync(ChaincodeState state, Address from, Address to, UInt256 amount)
    {
        RequireRecipient(to);
        UInt256 balance = await BalanceAsync(state, from);
        if (balance < amount)
        {
            throw new ChaincodeException(FlexibilityErrorCodes.InsufficientBalance, $"{from} holds {balance}, not {amount}.");
        }

        await SetAmountAsync(state, BalanceKey(from), balance - amount);
        await SetAmountAsync(state, BalanceKey(to), await BalanceAsync(state, to) + amount);
        state.Emit("Transfer", new TransferEvent(from, to, amount), Json.TransferEvent);
    }

    private static void RequireRecipient(Address to)
    {
        if (to.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "Tokens cannot go to the zero address.");
        }
    }

    private static UInt256 Checked(Func<UInt256> sum)
    {
        try
        {
            return sum();
        }
        catch (OverflowException)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, "The total supply would exceed 2^256 - 1.");
        }
    }
}
