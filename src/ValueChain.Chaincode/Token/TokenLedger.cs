using System.Text;
using System.Text.Json;
using ValueChain.Ledger;

namespace ValueChain.Chaincode;

/// <summary>
/// A fungible token with ERC-20 semantics kept in a chaincode's state, the twin of OpenZeppelin's ERC20
/// (contracts/src/shared/TokenLedger.sol): balances, total supply, allowances, <c>Transfer</c> and
/// <c>Approval</c> events with ERC-20's names and payloads. Amounts are <see cref="UInt256"/> base units.
/// </summary>
/// <remarks>
/// The rules, the same on every ledger: tokens never go to the zero address (<see cref="ErrorCodes.InvalidFormat"/>);
/// a zero amount and a transfer to oneself are allowed and emit <c>Transfer</c>; <c>approve</c> overwrites
/// the allowance (the zero address is no spender); an allowance of 2^256 − 1 is unlimited and never
/// decreases; <c>transferFrom</c> checks the allowance before the recipient and the balance and emits no
/// <c>Approval</c>; a mint that would take the total supply past 2^256 − 1 fails with
/// <see cref="ErrorCodes.Conflict"/>. Shortfalls fail with <see cref="ErrorCodes.InsufficientBalance"/> and
/// <see cref="ErrorCodes.InsufficientAllowance"/>. Keys: <c>prefix·supply</c>, <c>prefix·balance·owner</c>,
/// <c>prefix·allowance·owner·spender</c>, each a decimal string, deleted at zero.
/// </remarks>
public sealed class TokenLedger
{
    private static readonly ChaincodeJsonContext Json = ChaincodeJsonContext.Default;
    private readonly BlockKeys _keys;
    private readonly Func<IChaincodeContext, Address, ValueTask<bool>> _isMinter;

    /// <summary>Creates the token over the keys under <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The first part of every key of this token; distinct from every other block's in the chaincode.</param>
    /// <param name="isMinter">Whether an account may mint, decided by the chaincode (for example by a role).</param>
    /// <exception cref="ArgumentException">The prefix is empty, longer than 64 characters or holds control characters.</exception>
    public TokenLedger(string prefix, Func<IChaincodeContext, Address, ValueTask<bool>> isMinter)
    {
        ArgumentNullException.ThrowIfNull(isMinter);
        _keys = new BlockKeys(prefix, "token");
        _isMinter = isMinter;
    }

    /// <summary>The first part of every key of this token.</summary>
    public string Prefix => _keys.Prefix;

    /// <summary>ERC-20 <c>totalSupply</c>: every token minted.</summary>
    public ValueTask<UInt256> TotalSupplyAsync(IChaincodeContext context, CancellationToken cancellationToken = default) =>
        AmountAsync(context, _keys.Key("supply"), cancellationToken);

    /// <summary>ERC-20 <c>balanceOf</c>.</summary>
    public ValueTask<UInt256> BalanceOfAsync(IChaincodeContext context, Address owner, CancellationToken cancellationToken = default) =>
        AmountAsync(context, BalanceKey(owner), cancellationToken);

    /// <summary>ERC-20 <c>allowance</c>: what <paramref name="spender"/> may still move of <paramref name="owner"/>'s tokens.</summary>
    public ValueTask<UInt256> AllowanceAsync(IChaincodeContext context, Address owner, Address spender, CancellationToken cancellationToken = default) =>
        AmountAsync(context, AllowanceKey(owner, spender), cancellationToken);

    /// <summary>ERC-20 <c>transfer</c>: moves <paramref name="amount"/> from the caller to <paramref name="to"/>.</summary>
    /// <exception cref="ChaincodeException">The recipient is the zero address, or the caller holds too little.</exception>
    public ValueTask TransferAsync(IChaincodeContext context, Address to, UInt256 amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MoveAsync(context, context.Caller, to, amount, cancellationToken);
    }

    /// <summary>ERC-20 <c>approve</c>: sets (overwrites) what <paramref name="spender"/> may move of the caller's tokens.</summary>
    /// <exception cref="ChaincodeException">The spender is the zero address.</exception>
    public async ValueTask ApproveAsync(IChaincodeContext context, Address spender, UInt256 amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (spender.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "The zero address cannot be a spender.");
        }

        await SetAmountAsync(context, AllowanceKey(context.Caller, spender), amount, cancellationToken);
        context.EmitEvent(TokenEvents.Approval, JsonSerializer.Serialize(new TokenApproval(context.Caller, spender, amount), Json.TokenApproval));
    }

    /// <summary>ERC-20 <c>transferFrom</c>: the caller moves <paramref name="amount"/> of <paramref name="from"/>'s tokens within its allowance.</summary>
    /// <exception cref="ChaincodeException">The allowance or the balance is too small, or the recipient is the zero address.</exception>
    public async ValueTask TransferFromAsync(IChaincodeContext context, Address from, Address to, UInt256 amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SpendAllowanceAsync(context, from, context.Caller, amount, cancellationToken);
        await MoveAsync(context, from, to, amount, cancellationToken);
    }

    /// <summary>Creates <paramref name="amount"/> new tokens for <paramref name="to"/>; the caller must be a minter.</summary>
    /// <exception cref="ChaincodeException">The caller is no minter, the recipient is the zero address, or the supply would pass 2^256 − 1.</exception>
    public async ValueTask MintAsync(IChaincodeContext context, Address to, UInt256 amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await _isMinter(context, context.Caller))
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{context.Caller} may not mint this token.");
        }

        RequireRecipient(to);
        string supplyKey = _keys.Key("supply");
        UInt256 supply = await AmountAsync(context, supplyKey, cancellationToken);
        if (UInt256.MaxValue - supply < amount)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Minting {amount} would take the total supply {supply} past 2^256 - 1.");
        }

        await SetAmountAsync(context, supplyKey, supply + amount, cancellationToken);
        await SetAmountAsync(context, BalanceKey(to), await BalanceOfAsync(context, to, cancellationToken) + amount, cancellationToken);
        EmitTransfer(context, Address.Zero, to, amount);
    }

    /// <summary>
    /// Moves tokens as the chaincode's own rules decide (OpenZeppelin's internal <c>_transfer</c>): no caller
    /// check, so only for moves the chaincode has authorised, such as paying out of an account it holds.
    /// </summary>
    /// <exception cref="ChaincodeException">The recipient is the zero address, or <paramref name="from"/> holds too little.</exception>
    public async ValueTask MoveAsync(IChaincodeContext context, Address from, Address to, UInt256 amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireRecipient(to);
        UInt256 balance = await BalanceOfAsync(context, from, cancellationToken);
        if (balance < amount)
        {
            throw new ChaincodeException(ErrorCodes.InsufficientBalance, $"{from} holds {balance}, not {amount}.");
        }

        // Debit before reading the recipient's balance, so that a transfer to oneself leaves the balance as it was.
        await SetAmountAsync(context, BalanceKey(from), balance - amount, cancellationToken);
        await SetAmountAsync(context, BalanceKey(to), await BalanceOfAsync(context, to, cancellationToken) + amount, cancellationToken);
        EmitTransfer(context, from, to, amount);
    }

    /// <summary>
    /// Spends <paramref name="amount"/> of what <paramref name="spender"/> may move of <paramref name="owner"/>'s
    /// tokens (OpenZeppelin's internal <c>_spendAllowance</c>): an unlimited allowance stays, no event is emitted.
    /// </summary>
    /// <exception cref="ChaincodeException">The allowance is smaller than the amount.</exception>
    public async ValueTask SpendAllowanceAsync(IChaincodeContext context, Address owner, Address spender, UInt256 amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        string key = AllowanceKey(owner, spender);
        UInt256 allowance = await AmountAsync(context, key, cancellationToken);
        if (allowance == UInt256.MaxValue)
        {
            return;
        }

        if (allowance < amount)
        {
            throw new ChaincodeException(ErrorCodes.InsufficientAllowance, $"{spender} may move {allowance} of {owner}'s tokens, not {amount}.");
        }

        await SetAmountAsync(context, key, allowance - amount, cancellationToken);
    }

    private string BalanceKey(Address owner) => _keys.Key("balance", owner.ToLowerHex());

    private string AllowanceKey(Address owner, Address spender) => _keys.Key("allowance", owner.ToLowerHex(), spender.ToLowerHex());

    private static void RequireRecipient(Address to)
    {
        if (to.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "Tokens cannot go to the zero address.");
        }
    }

    private static void EmitTransfer(IChaincodeContext context, Address from, Address to, UInt256 amount) =>
        context.EmitEvent(TokenEvents.Transfer, JsonSerializer.Serialize(new TokenTransfer(from, to, amount), Json.TokenTransfer));

    private static async ValueTask<UInt256> AmountAsync(IChaincodeContext context, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ReadOnlyMemory<byte>? value = await context.GetStateAsync(key, cancellationToken);
        return value is null ? UInt256.Zero : UInt256.Parse(Encoding.UTF8.GetString(value.Value.Span));
    }

    private static ValueTask SetAmountAsync(IChaincodeContext context, string key, UInt256 amount, CancellationToken cancellationToken) =>
        amount.IsZero
            ? context.DeleteStateAsync(key, cancellationToken)
            : context.PutStateAsync(key, Encoding.UTF8.GetBytes(amount.ToString()), cancellationToken);
}
