namespace ValueChain.Chaincode;

/// <summary>One escrow: tokens of a payer held by the contract for a payee.</summary>
/// <param name="Id">The id the chaincode gave it (an order id, for example); never reused.</param>
/// <param name="Payer">Who paid in and gets a refund.</param>
/// <param name="Payee">Who gets the tokens on release.</param>
/// <param name="Amount">The tokens held, in base units.</param>
/// <param name="RefundableFrom">The ledger time from which the payer may be refunded.</param>
/// <param name="Status">Open, released or refunded.</param>
/// <param name="LockedAt">The ledger time of the lock.</param>
/// <param name="ClosedAt">The ledger time of the release or refund, or null while open.</param>
public sealed record EscrowRecord(string Id, Address Payer, Address Payee, UInt256 Amount, DateTimeOffset RefundableFrom, EscrowStatus Status, DateTimeOffset LockedAt, DateTimeOffset? ClosedAt);
