namespace ValueChain.Diagnostics;

/// <summary>
/// The names of the attributes and instruments every ValueChain package emits through <c>System.Diagnostics</c>,
/// in OpenTelemetry's semantic-convention style, so that one dashboard reads every driver. The README's telemetry
/// table lists which package emits which.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Span and metric attribute: the ledger driver (<c>in-memory</c>, <c>ethereum</c>, <c>fabric</c>).</summary>
    public const string LedgerKind = "valuechain.ledger.kind";

    /// <summary>Span and metric attribute: the ledger instance (the embedded network id, the Ethereum chain id, the Fabric channel).</summary>
    public const string LedgerNetwork = "valuechain.ledger.network";

    /// <summary>Span and metric attribute: the chaincode, or on Ethereum the contract (its binding's name, else its address).</summary>
    public const string Contract = "valuechain.contract";

    /// <summary>Span and metric attribute: the chaincode or contract function.</summary>
    public const string Function = "valuechain.function";

    /// <summary>Span attribute: the transaction id (on Ethereum the transaction hash).</summary>
    public const string TransactionId = "valuechain.transaction.id";

    /// <summary>Span attribute: the block that holds the transaction, or the block produced.</summary>
    public const string BlockNumber = "valuechain.block.number";

    /// <summary>Span attribute: how many transactions a block or batch holds.</summary>
    public const string TransactionCount = "valuechain.transaction.count";

    /// <summary>Metric attribute of the duration histograms: <c>committed</c>, <c>failed</c>, <c>refused</c> (transactions), <c>succeeded</c>, <c>failed</c>, <c>refused</c> (queries).</summary>
    public const string Outcome = "valuechain.outcome";

    /// <summary>Span and metric attribute (OpenTelemetry's own name): the stable error code of a failure or refusal, or the exception type.</summary>
    public const string ErrorType = "error.type";

    /// <summary>Span attribute: a content identifier (CID).</summary>
    public const string ContentId = "valuechain.content.id";

    /// <summary>Span attribute: the content store (<c>embedded</c>, <c>kubo</c>).</summary>
    public const string ContentStoreKind = "valuechain.content.store";

    /// <summary>Span attribute: how many bytes were read or written.</summary>
    public const string Bytes = "valuechain.content.bytes";

    /// <summary>Span name: a transaction submitted and waited for until committed.</summary>
    public const string SubmitSpan = "valuechain.submit";

    /// <summary>Span name: a read-only query.</summary>
    public const string EvaluateSpan = "valuechain.evaluate";

    /// <summary>Counter: transactions submitted.</summary>
    public const string TransactionsSubmitted = "valuechain.transactions.submitted";

    /// <summary>Counter: transactions committed as succeeded.</summary>
    public const string TransactionsCommitted = "valuechain.transactions.committed";

    /// <summary>Counter: transactions that executed and failed (a chaincode error or a revert; nothing changed).</summary>
    public const string TransactionsFailed = "valuechain.transactions.failed";

    /// <summary>Counter: transactions the ledger refused before executing them (signature, nonce, membership, unknown function).</summary>
    public const string TransactionsRefused = "valuechain.transactions.refused";

    /// <summary>Histogram (ms): from submit to commit, failure or refusal.</summary>
    public const string TransactionDuration = "valuechain.transaction.duration";

    /// <summary>Histogram (ms): how long a query took.</summary>
    public const string QueryDuration = "valuechain.query.duration";

    /// <summary>Gauge: the number of blocks the ledger holds.</summary>
    public const string LedgerHeight = "valuechain.ledger.height";
}
