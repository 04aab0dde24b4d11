using System.Text.Json;
using ValueChain.Ledger;

namespace ValueChain.Chaincode;

/// <summary>
/// Escrow held by the contract, the twin of contracts/src/shared/Escrow.sol: <see cref="LockAsync"/> moves a
/// payer's tokens into the escrow's own account (through the payer's allowance for that account, as the
/// Solidity contract pulls them with <c>transferFrom</c>), <see cref="ReleaseAsync"/> pays the payee, and
/// <see cref="RefundAsync"/> pays the payer back, only from the deadline on in ledger time. Each escrow
/// closes once and its id is never reused. Only these three move the account's tokens, so the open escrows
/// always add up to what the account holds (<see cref="HoldingsAsync"/>) and every open escrow can close.
/// </summary>
/// <remarks>
/// Who may lock, release or refund is the chaincode's rule: the block checks amounts, states and time, not
/// callers. Keys: <c>prefix·escrow·id</c> (the record) and <c>prefix·open·id</c> (the index of open escrows).
/// </remarks>
public sealed class Escrow
{
    private static readonly ChaincodeJsonContext Json = ChaincodeJsonContext.Default;
    private readonly BlockKeys _keys;
    private readonly TokenLedger _token;

    /// <summary>Creates the escrow over the keys under <paramref name="prefix"/>, holding <paramref name="token"/> in <paramref name="account"/>.</summary>
    /// <param name="prefix">The first part of every key of this escrow; distinct from every other block's in the chaincode.</param>
    /// <param name="token">The token it holds.</param>
    /// <param name="account">The account that holds the escrowed tokens; nothing else may move its tokens (see <see cref="ContractAccount"/>).</param>
    /// <exception cref="ArgumentException">The prefix is not valid, or the account is the zero address.</exception>
    public Escrow(string prefix, TokenLedger token, Address account)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (account.IsZero)
        {
            throw new ArgumentException("The escrow's account cannot be the zero address.", nameof(account));
        }

        _keys = new BlockKeys(prefix, "escrow");
        if (_keys.Prefix == token.Prefix)
        {
            throw new ArgumentException($"The escrow and its token both use the key prefix '{prefix}'.", nameof(prefix));
        }

        _token = token;
        Account = account;
    }

    /// <summary>The account that holds the escrowed tokens; payers approve it as the spender.</summary>
    public Address Account { get; }

    /// <summary>The escrow <paramref name="id"/>, or null when there is none.</summary>
    public async ValueTask<EscrowRecord?> GetAsync(IChaincodeContext context, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ValidateId(id);
        ReadOnlyMemory<byte>? value = await context.GetStateAsync(_keys.Key("escrow", id), cancellationToken);
        return value is null ? null : JsonSerializer.Deserialize(value.Value.Span, Json.EscrowRecord);
    }

    /// <summary>
    /// Moves <paramref name="amount"/> from <paramref name="payer"/> into the escrow's account for <paramref name="payee"/>,
    /// spending the payer's allowance for <see cref="Account"/>.
    /// </summary>
    /// <exception cref="ChaincodeException">The id is malformed or used before, the amount is zero, the payee is the zero address or payer or payee is the escrow's account, or the payer's allowance or balance is too small.</exception>
    public async ValueTask<EscrowRecord> LockAsync(IChaincodeContext context, string id, Address payer, Address payee, UInt256 amount, DateTimeOffset refundableFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await GetAsync(context, id, cancellationToken) is not null)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Escrow '{id}' exists already; an escrow id is used once.");
        }

        if (amount.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Escrow '{id}' needs an amount above zero.");
        }

        if (payer.IsZero || payee.IsZero || payer == Account || payee == Account)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Escrow '{id}' needs a payer and a payee other than the zero address and the escrow's account.");
        }

        await _token.SpendAllowanceAsync(context, payer, Account, amount, cancellationToken);
        await _token.MoveAsync(context, payer, Account, amount, cancellationToken);
        var record = new EscrowRecord(id, payer, payee, amount, refundableFrom, EscrowStatus.Open, context.Timestamp, null);
        await SaveAsync(context, record, cancellationToken);
        await context.PutStateAsync(_keys.Key("open", id), "1"u8.ToArray(), cancellationToken);
        context.EmitEvent(EscrowEvents.Locked, JsonSerializer.Serialize(record, Json.EscrowRecord));
        return record;
    }

    /// <summary>Pays the whole amount of the open escrow <paramref name="id"/> to its payee.</summary>
    /// <exception cref="ChaincodeException">There is no such escrow, or it is closed.</exception>
    public async ValueTask<EscrowRecord> ReleaseAsync(IChaincodeContext context, string id, CancellationToken cancellationToken = default)
    {
        EscrowRecord open = await OpenEscrowAsync(context, id, cancellationToken);
        return await CloseAsync(context, open, open.Payee, EscrowStatus.Released, EscrowEvents.Released, cancellationToken);
    }

    /// <summary>Pays the whole amount of the open escrow <paramref name="id"/> back to its payer, from its deadline on.</summary>
    /// <exception cref="ChaincodeException">There is no such escrow, it is closed, or ledger time is before its deadline (<see cref="ErrorCodes.DeadlineNotReached"/>).</exception>
    public async ValueTask<EscrowRecord> RefundAsync(IChaincodeContext context, string id, CancellationToken cancellationToken = default)
    {
        EscrowRecord open = await OpenEscrowAsync(context, id, cancellationToken);
        if (context.Timestamp < open.RefundableFrom)
        {
            throw new ChaincodeException(ErrorCodes.DeadlineNotReached, $"Escrow '{id}' can be refunded from {open.RefundableFrom:O}, not at {context.Timestamp:O}.");
        }

        return await CloseAsync(context, open, open.Payer, EscrowStatus.Refunded, EscrowEvents.Refunded, cancellationToken);
    }

    /// <summary>Every open escrow, in id order.</summary>
    public async ValueTask<IReadOnlyList<EscrowRecord>> OpenEscrowsAsync(IChaincodeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        (string start, string end) = _keys.Range("open");
        var open = new List<EscrowRecord>();
        await foreach (StateEntry entry in context.GetStateByRangeAsync(start, end, cancellationToken))
        {
            open.Add(await GetAsync(context, ChaincodeState.LastPart(entry.Key), cancellationToken)
                ?? throw new InvalidOperationException($"The open index names escrow '{entry.Key}', which has no record."));
        }

        return open;
    }

    /// <summary>The invariant: the sum of the open escrows beside the balance of the escrow's account (equal unless tokens reached the account another way).</summary>
    public async ValueTask<EscrowHoldings> HoldingsAsync(IChaincodeContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<EscrowRecord> open = await OpenEscrowsAsync(context, cancellationToken);
        UInt256 sum = UInt256.Zero;
        foreach (EscrowRecord escrow in open)
        {
            sum += escrow.Amount;
        }

        return new EscrowHoldings(sum, await _token.BalanceOfAsync(context, Account, cancellationToken), open.Count);
    }

    private async ValueTask<EscrowRecord> OpenEscrowAsync(IChaincodeContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        EscrowRecord escrow = await GetAsync(context, id, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"There is no escrow '{id}'.");
        return escrow.Status == EscrowStatus.Open
            ? escrow
            : throw new ChaincodeException(ErrorCodes.Conflict, $"Escrow '{id}' is already {escrow.Status.ToString().ToLowerInvariant()}.");
    }

    // Effects before the move, as the Solidity twin does (checks-effects-interactions); here the move cannot call out.
    private async ValueTask<EscrowRecord> CloseAsync(IChaincodeContext context, EscrowRecord open, Address to, EscrowStatus status, string eventName, CancellationToken cancellationToken)
    {
        EscrowRecord closed = open with { Status = status, ClosedAt = context.Timestamp };
        await SaveAsync(context, closed, cancellationToken);
        await context.DeleteStateAsync(_keys.Key("open", open.Id), cancellationToken);
        await _token.MoveAsync(context, Account, to, open.Amount, cancellationToken);
        context.EmitEvent(eventName, JsonSerializer.Serialize(closed, Json.EscrowRecord));
        return closed;
    }

    private ValueTask SaveAsync(IChaincodeContext context, EscrowRecord record, CancellationToken cancellationToken) =>
        context.PutStateAsync(_keys.Key("escrow", record.Id), JsonSerializer.SerializeToUtf8Bytes(record, Json.EscrowRecord), cancellationToken);

    private static void ValidateId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 128 || id.Any(char.IsControl))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The escrow id '{id}' is not valid: use 1 to 128 printable characters.");
        }
    }
}
