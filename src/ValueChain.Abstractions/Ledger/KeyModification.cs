namespace ValueChain.Ledger;

/// <summary>One version of a key in its history, oldest first.</summary>
/// <param name="TransactionId">The transaction that wrote or deleted the key.</param>
/// <param name="Timestamp">The ledger time of that transaction.</param>
/// <param name="Value">The value written, or empty when <paramref name="IsDelete"/>.</param>
/// <param name="IsDelete">True when the transaction deleted the key.</param>
public sealed record KeyModification(TxId TransactionId, DateTimeOffset Timestamp, ReadOnlyMemory<byte> Value, bool IsDelete);
